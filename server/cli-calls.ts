// What `ringback import calls` prints: the JSON object of the contract (History issue; its keys
// and their order are what scripts read) and the human summary lines.

import type { CallImportSummary } from "@/server/services/call-imports";

export function callImportJson(s: CallImportSummary) {
  return {
    source: s.source,
    dryRun: s.dryRun,
    rows: s.rows,
    dials: s.dials,
    callbacks: s.callbacks,
    alreadyImported: s.alreadyImported,
    skipped: s.skipped,
    errors: s.errors,
    reps: s.reps,
    unresolvedReps: s.unresolvedReps,
    created: s.created,
  };
}

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

export function describeCallImport(s: CallImportSummary): string {
  const dials = Object.entries(s.dials).map(([outcome, n]) => `${n} ${outcome}`).join(", ");
  const verb = s.dryRun ? "dry run, nothing written: would add" : "added";
  const lines = [
    `calls from ${s.source ?? "an unknown source"}: ${plural(s.rows, "row")} read, ${verb} dials (${dials}) and ${plural(s.callbacks, "callback")}; ` +
      `${s.alreadyImported} already imported; ${plural(s.created.prospects, "new prospect")}, ${plural(s.created.scripts, "new script")}`,
  ];
  if (s.dateOnly) lines.push(`${plural(s.dateOnly, "row")} had only a date and were placed at noon team time`);
  const reasons = new Map<string, number>();
  for (const skip of s.skipped) reasons.set(skip.reason, (reasons.get(skip.reason) ?? 0) + 1);
  for (const [reason, n] of reasons) lines.push(`skipped ${plural(n, "row")}: ${reason}`);
  for (const rep of s.unresolvedReps) lines.push(`unresolved rep “${rep.identifier}” in ${plural(rep.rows, "row")} (map it with --rep-map or --rep)`);
  return lines.join("\n");
}

export function describeCallRejection(s: CallImportSummary): string {
  const problems = [s.errors.length && plural(s.errors.length, "bad row"), s.unresolvedReps.length && plural(s.unresolvedReps.length, "unresolved rep")].filter(Boolean);
  return `calls: rejected, ${problems.join(" and ")} in ${plural(s.rows, "row")}; nothing was written`;
}
