import { asc } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, openDatabaseReadOnly, sqliteConnection, type Db } from "@/db/client";
import { copySqliteToPostgres, type CopiedTable } from "@/db/copy-to-postgres";
import { databaseLocation } from "@/db/location";
import { organization } from "@/db/schema";
import type { Actor } from "./actor";
import { leaderboardInput } from "@/lib/inputs/leaderboard";
import { backupDatabase } from "./backup";
import { exportAttempts, exportCallbacks, exportScripts } from "./exports";
import { leaderboardCsv } from "./leaderboard-csv";
import { teamOwnerActor } from "./owner-actor";
import { problemCount, verifyDatabase } from "./verify";

// `ringback migrate --to postgres://… [--from FILE]` (issue 15): a SQLite database copied into an
// empty PostgreSQL one from one snapshot (db/copy-to-postgres.ts), then the proof: both databases
// pass `verify`, and every team's CSV exports read through the services are byte for byte the
// same on both engines.

const EXPORTS = {
  attempts: (db: Db, actor: Actor) => exportAttempts(db, actor, {}),
  callbacks: (db: Db, actor: Actor) => exportCallbacks(db, actor, {}),
  scripts: (db: Db, actor: Actor) => exportScripts(db, actor),
  "leaderboard --by script": (db: Db, actor: Actor) => leaderboardCsv(db, actor, leaderboardInput.parse({ by: "script", range: "all" })),
  "leaderboard --by rep": (db: Db, actor: Actor) => leaderboardCsv(db, actor, leaderboardInput.parse({ by: "rep", range: "all" })),
};

export type MigrationProof = {
  /** Problems `verify` reports on each side (integrity, keys, derived numbers). */
  sourceProblems: number;
  targetProblems: number;
  teams: number;
  /** Exports compared: one per team and kind. */
  compared: number;
  bytes: number;
  /** "team-slug: attempts" for each export that differs. */
  differing: string[];
};

async function proveMigration(source: Db, target: Db): Promise<MigrationProof> {
  const [sourceReport, targetReport] = [await verifyDatabase(source), await verifyDatabase(target)];
  const teams = await source.select({ slug: organization.slug }).from(organization).orderBy(asc(organization.slug)).all();
  const differing: string[] = [];
  let compared = 0;
  let bytes = 0;
  for (const { slug } of teams) {
    const [sourceActor, targetActor] = [await teamOwnerActor(source, slug), await teamOwnerActor(target, slug)];
    for (const [kind, produce] of Object.entries(EXPORTS)) {
      const expected = await produce(source, sourceActor);
      const actual = await produce(target, targetActor);
      compared++;
      bytes += Buffer.byteLength(expected);
      if (actual !== expected) differing.push(`${slug}: ${kind}`);
    }
  }
  return { sourceProblems: problemCount(sourceReport), targetProblems: problemCount(targetReport), teams: teams.length, compared, bytes, differing };
}

export type Migration = { copied: CopiedTable[]; copySeconds: number; proof: MigrationProof };

/**
 * Copies the SQLite file `from` into the empty PostgreSQL database at `to`, and proves the copy.
 * Copy and proof both read an online backup of `from` taken first, so servers may keep writing to
 * it meanwhile: the target is that one instant, and is compared with that same instant.
 */
export async function migrateToPostgres(from: string, to: string): Promise<Migration> {
  const target = databaseLocation(to);
  if (target.engine !== "postgres") throw new Error(`--to must be a postgres:// (or postgresql://) URL, not "${to}".`);
  const source = databaseLocation(from);
  if (source.engine !== "sqlite") throw new Error("--from must be a SQLite database file.");
  if (!fs.existsSync(source.file)) throw new Error(`No SQLite database at ${source.file}.`);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-migrate-"));
  try {
    const live = await openDatabaseReadOnly(source);
    const snapshot = path.join(folder, "snapshot.db");
    try {
      await backupDatabase(live, snapshot);
    } finally {
      await live.$close();
    }
    const sourceDb = await openDatabaseReadOnly(snapshot);
    try {
      // Opening migrates the target's schema; the copy then refuses it if it holds any data.
      const targetDb = await openDatabase(target);
      try {
        const started = performance.now();
        const copied = await copySqliteToPostgres(sqliteConnection(sourceDb), target.url);
        const copySeconds = (performance.now() - started) / 1000;
        return { copied, copySeconds, proof: await proveMigration(sourceDb, targetDb) };
      } finally {
        await targetDb.$close();
      }
    } finally {
      await sourceDb.$close();
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
