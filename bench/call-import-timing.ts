import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { openDatabase } from "@/db/client";
import { addUserToTeam, createTeamWithOwner } from "@/server/services/members";
import { BENCH_CALL_REPS, CALL_EXPORT_SOURCES, generateCallExport, type CallExportSource } from "./generate-call-exports";

// import_calls_100k_s: per source, wall time of `ringback import calls FILE --team SLUG --source X`
// (CLI start-up included) on an export from generate-call-exports.ts, each into a fresh team of a
// fresh database, as import-timing.ts does for `import attempts`. The CLI's --json answer is
// checked against what the file was made with, so a fast import that wrote the wrong thing fails.
// `emptyDatabase(name)` gives a fresh PostgreSQL database's URL; by default a SQLite file.

const run = promisify(execFile);
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");

async function importOnce(source: CallExportSource, rows: number, dir: string, emptyDatabase?: (name: string) => string): Promise<number> {
  const dbFile = emptyDatabase?.(`bench_calls_${source}`) ?? path.join(dir, `${source}.db`);
  const db = await openDatabase(dbFile);
  const team = await createTeamWithOwner(db, { name: "Calls Bench", ownerEmail: "owner@import.ringback.test", ownerPassword: "import-bench-1" });
  for (const rep of BENCH_CALL_REPS) {
    await addUserToTeam(db, { teamSlug: team.slug, email: rep.email, name: rep.name, phone: rep.phone, role: "rep", password: "import-bench-1" });
  }
  await db.$close();
  const made = generateCallExport(source, rows);
  const csv = path.join(dir, `${source}.csv`);
  fs.writeFileSync(csv, made.csv);
  const args = [tsx, "server/cli.ts", "import", "calls", csv, "--team", team.slug, "--source", source, "--json"];
  if (made.repMap) {
    fs.writeFileSync(path.join(dir, `${source}-reps.csv`), made.repMap);
    args.push("--rep-map", path.join(dir, `${source}-reps.csv`));
  }
  const started = performance.now();
  const { stdout } = await run(process.execPath, args, { env: { ...process.env, DATABASE_URL: dbFile }, maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(stdout) as { dials: unknown; callbacks: number; errors: unknown[]; skipped: unknown[] };
  const wanted = { dials: made.expected.dials, callbacks: made.expected.callbacks, errors: 0, skipped: made.expected.skipped };
  const got = { dials: summary.dials, callbacks: summary.callbacks, errors: summary.errors.length, skipped: summary.skipped.length };
  if (JSON.stringify(got) !== JSON.stringify(wanted)) throw new Error(`${source}: imported ${JSON.stringify(got)}, the file holds ${JSON.stringify(wanted)}`);
  return seconds;
}

/** Seconds per source; `rows` is in the result too, since --quick times smaller files. */
export async function callImportSeconds(rows = 100_000, emptyDatabase?: (name: string) => string, say: (line: string) => void = () => {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-call-import-"));
  const result: Record<string, number> = { rows };
  try {
    for (const source of CALL_EXPORT_SOURCES) {
      result[source] = Math.round((await importOnce(source, rows, dir, emptyDatabase)) * 10) / 10;
      say(`import calls (${source}, ${rows.toLocaleString("en-US")} rows): ${result[source]} s`);
    }
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/call-import-timing.ts [--rows N] [--source X]`: the figure alone, on SQLite.
if (process.argv[1]?.endsWith("call-import-timing.ts")) {
  const i = process.argv.indexOf("--rows");
  const rows = i === -1 ? 100_000 : Number(process.argv[i + 1]);
  const s = process.argv.indexOf("--source");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-call-import-"));
  const sources = s === -1 ? CALL_EXPORT_SOURCES : [process.argv[s + 1] as CallExportSource];
  void (async () => {
    for (const source of sources) console.log(source, (await importOnce(source, rows, dir)).toFixed(1), "s");
    fs.rmSync(dir, { recursive: true, force: true });
  })();
}
