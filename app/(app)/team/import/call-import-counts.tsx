"use client";

import type { CallReport } from "./call-import";
import { CountTiles, plural } from "./import-report";

/** The counts `ringback import calls --json` prints, for what is (or would be) written. */
export function CallCounts({ report }: { report: CallReport }) {
  const items = [
    ["Rows", report.rows],
    ["Voicemails", report.dials.voicemail],
    ["No message", report.dials["no-message"]],
    ["Connected", report.dials.connected],
    ["Bad number", report.dials["bad-number"]],
    ["Callbacks", report.callbacks],
    ["Already imported", report.alreadyImported],
    ["Skipped", report.skippedCount],
    ["New prospects", report.created.prospects],
    ["New scripts", report.created.scripts],
  ] as const;
  return (
    <div className="flex flex-col gap-2">
      <CountTiles label="Counts" items={items} className="grid-cols-2 sm:grid-cols-5" />
      {report.dateOnly > 0 && <p className="text-xs text-muted">{plural(report.dateOnly, "row")} had only a date and are placed at noon team time.</p>}
    </div>
  );
}

const LINES_SHOWN = 12;

/** Skipped rows grouped by their reason, with the lines of each. */
export function SkippedReasons({ report }: { report: CallReport }) {
  if (report.skippedCount === 0) return null;
  const byReason = new Map<string, number[]>();
  for (const s of report.skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.line]);
  return (
    <div className="text-sm">
      <h3 className="text-xs font-medium text-faint">Skipped rows, by reason</h3>
      <ul aria-label="Skipped rows" className="mt-1.5 flex flex-col gap-1">
        {[...byReason].map(([reason, lines]) => (
          <li key={reason}>
            <span className="font-medium tabular-nums">{plural(lines.length, "row")}</span>: {reason}{" "}
            <span className="text-xs text-muted">
              (line{lines.length === 1 ? "" : "s"} {lines.slice(0, LINES_SHOWN).join(", ")}
              {lines.length > LINES_SHOWN ? ", …" : ""})
            </span>
          </li>
        ))}
      </ul>
      {report.skippedCount > report.skipped.length && <p className="mt-1 text-xs text-muted">…and {plural(report.skippedCount - report.skipped.length, "more skipped row")}.</p>}
    </div>
  );
}
