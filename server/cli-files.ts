// File and terminal plumbing for the CLI's `import` and `export` commands, so server/cli.ts
// stays a list of commands: `-` for stdin/stdout, a progress bar, the one-line summary.

import fs from "node:fs";
import { CsvError, decodeCsvBytes } from "@/server/domain/csv-read";
import type { ImportProgress, ImportSummary } from "@/server/services/imports";

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The file's text (`-` reads stdin); refuses what is not UTF-8 CSV with the line it went wrong on. */
export async function readCsvFile(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = file === "-" ? await readStdin() : fs.readFileSync(file);
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
  try {
    return decodeCsvBytes(bytes);
  } catch (error) {
    if (error instanceof CsvError) throw new Error(`${error.line ? `line ${error.line}: ` : ""}${error.message} Nothing was written.`);
    throw error;
  }
}

/** Writes to FILE, or to stdout when FILE is `-` or absent. */
export function writeOutput(file: string | undefined, text: string) {
  if (!file || file === "-") process.stdout.write(text);
  else fs.writeFileSync(file, text);
}

const LARGE_FILE_CHARS = 1_000_000;
const BAR_WIDTH = 30;
const PHASES: Record<ImportProgress["phase"], string> = { checking: "checking", writing: "writing", attributing: "attributing" };

/** A progress bar on stderr for large files when stderr is a terminal; otherwise nothing. */
export function progressBar(textLength: number) {
  if (!process.stderr.isTTY || textLength < LARGE_FILE_CHARS) return { onProgress: undefined, done: () => undefined };
  const onProgress = ({ phase, done, total }: ImportProgress) => {
    const filled = Math.round((done / Math.max(total, 1)) * BAR_WIDTH);
    const bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
    process.stderr.write(`\r${PHASES[phase].padEnd(11)} ${bar} ${done.toLocaleString("en-US")}/${total.toLocaleString("en-US")}\x1b[K`);
  };
  return { onProgress, done: () => process.stderr.write("\r\x1b[K") };
}

const count = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? "" : "s"}`;

/** The one-line summary of an import that went through (or would, for a dry run). */
export function describeImport(summary: ImportSummary, seconds: number): string {
  const verb = summary.dryRun ? "dry run, nothing written: would add" : "added";
  const created = [summary.prospectsCreated && plural(summary.prospectsCreated, "new prospect"), summary.scriptsCreated && plural(summary.scriptsCreated, "new script")].filter(Boolean);
  return (
    `${summary.kind}: ${plural(summary.rows, "row")} read, ${verb} ${count(summary.inserted)}, ${count(summary.duplicates)} already there` +
    `${created.length ? `; ${created.join(", ")}` : ""}` +
    `${summary.ignoredColumns.length ? `; ignored columns: ${summary.ignoredColumns.join(", ")}` : ""} (${seconds.toFixed(1)} s)`
  );
}

/** The summary line of a rejected import; every bad row is printed before it. */
export function describeRejection(summary: ImportSummary): string {
  // No column mapping means the file itself (encoding, header, shape) was refused, not its rows.
  if (!summary.columns.length) return `${summary.kind}: rejected, the file cannot be read as ${summary.kind}; nothing was written`;
  return `${summary.kind}: rejected, ${plural(summary.errorCount, "bad row")} in ${plural(summary.rows, "row")}; nothing was written`;
}
