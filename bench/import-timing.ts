import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { openDatabase } from "@/db/client";
import { addUserToTeam, createTeamWithOwner } from "@/server/services/members";

// import_100k_s: wall time of `ringback import attempts` on a 100k-row call log (made by
// generate-attempts-csv.ts) into a fresh team, as a user would run it — CLI start-up included.
// `emptyDatabase` gives the database to import into (a fresh PostgreSQL database's URL); by
// default a SQLite file in a temporary folder.

const run = promisify(execFile);
const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");

export async function importSeconds(rows = 100_000, emptyDatabase?: () => string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-import-"));
  const dbFile = emptyDatabase?.() ?? path.join(dir, "import.db");
  const csv = path.join(dir, "attempts.csv");
  try {
    const db = await openDatabase(dbFile);
    const team = await createTeamWithOwner(db, { name: "Import Bench", ownerEmail: "owner@import.ringback.test", ownerPassword: "import-bench-1" });
    for (let i = 1; i <= 10; i++) {
      await addUserToTeam(db, { teamSlug: team.slug, email: `rep${i}@bench.ringback.test`, name: `Rep ${i}`, role: "rep", password: "import-bench-1" });
    }
    await db.$close();
    await run(process.execPath, [tsx, "bench/generate-attempts-csv.ts", "--rows", String(rows), "--reps", "10", "--rep-domain", "bench.ringback.test", "-o", csv]);
    const started = performance.now();
    await run(process.execPath, [tsx, "server/cli.ts", "import", "attempts", csv, "--team", team.slug, "--create-missing"], {
      env: { ...process.env, DATABASE_URL: dbFile },
      maxBuffer: 16 * 1024 * 1024,
    });
    return (performance.now() - started) / 1000;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
