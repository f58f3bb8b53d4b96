import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { migrateToPostgres, type Migration } from "@/server/services/postgres-migration";
import { verifyDatabase } from "@/server/services/verify";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/scripts/throwaway-postgres.mjs";
import { generateDatabase } from "./generate-db";

// The PostgreSQL bench measures the generated database as `ringback migrate --to` copies it: the
// copy must be the same rows (ids included, since the bench reads its facts from the SQLite file),
// counters `verify` agrees with, sequences and triggers that carry on from the copied rows, and
// the migration's own proof — the exports byte for byte the same — must hold on a bench database.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-copy-"));
const file = path.join(dir, "bench.db");
let cluster: ThrowawayPostgres;
let url: string;
let attempts: number;
let migration: Migration;
/** A recorded take's audio: every byte value, so a blob copied as text or hex would show. */
const audio = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));

beforeAll(async () => {
  cluster = await startThrowawayPostgres();
  attempts = (await generateDatabase(file, { attempts: 3000, seed: 15, end: "2026-06-30", reps: 6, scripts: 12 })).attempts;
  const sqlite = new Database(file);
  const { team_id: teamId, id: versionId } = sqlite.prepare("select s.team_id, v.id from script_version v join script s on s.id = v.script_id limit 1").get() as { team_id: string; id: number };
  const repId = sqlite.prepare("select user_id from member where organization_id = ? limit 1").pluck().get(teamId) as string;
  const take = sqlite
    .prepare("insert into take (team_id, rep_id, script_version_id, spoken_ms, recorded_ms, bytes, words, created_at) values (?, ?, ?, 20000, 21000, ?, 50, 0)")
    .run(teamId, repId, versionId, audio.length);
  sqlite.prepare("insert into take_audio (take_id, webm) values (?, ?)").run(take.lastInsertRowid, audio);
  sqlite.close();
  url = cluster.createDatabase("copy");
  migration = await migrateToPostgres(file, url);
}, 120_000);

afterAll(() => {
  cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function query<T>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe("migrating the bench database into PostgreSQL", () => {
  it("proves the copy: verify-clean on both engines, every export identical", () => {
    expect(migration.proof).toMatchObject({ sourceProblems: 0, targetProblems: 0, teams: 1, compared: 5, differing: [] });
    expect(migration.proof.bytes).toBeGreaterThan(100_000);
  });

  it("copies every row of every table, ids and rollups included", async () => {
    const sqlite = new Database(file, { readonly: true });
    try {
      for (const table of ["user", "organization", "member", "prospect", "script_version", "attempt", "callback", "stats_rollup", "team_zone_offset"]) {
        const expected = sqlite.prepare(`select count(*) from "${table}"`).pluck().get();
        const [{ count }] = await query<{ count: number }>(`select count(*)::int as count from "${table}"`);
        expect(count, table).toBe(expected);
      }
      const fingerprint = "select sum(id * 7 + coalesce(script_version_id, 0) + coalesce(returned_at, 0) % 1000 + appointment) as sum from attempt";
      const [{ sum }] = await query<{ sum: number }>(fingerprint);
      expect(Number(sum)).toBe(sqlite.prepare(fingerprint).pluck().get());
    } finally {
      sqlite.close();
    }
  });

  it("copies audio byte for byte", async () => {
    const [{ webm }] = await query<{ webm: Buffer }>("select webm from take_audio");
    expect(Buffer.compare(webm, audio)).toBe(0);
  });

  it("is `verify`-clean: attribution and every counter recount to what was copied", async () => {
    const db: Db = await openDatabase(url);
    try {
      const report = await verifyDatabase(db);
      expect(report.differences).toEqual([]);
      expect(report.checked.attempts).toBe(attempts);
    } finally {
      await db.$close();
    }
  });

  it("leaves sequences after the copied ids and the rollup triggers on", async () => {
    const [{ team_id: teamId, rep_id: repId, prospect_id: prospectId }] = await query<{ team_id: string; rep_id: string; prospect_id: number }>(
      "select team_id, rep_id, prospect_id from attempt order by id desc limit 1",
    );
    const before = await query<{ n: number }>(`select coalesce(sum(voicemails), 0)::int as n from stats_rollup where team_id = '${teamId}'`);
    const [{ id }] = await query<{ id: number }>(
      `insert into attempt (team_id, rep_id, prospect_id, at, outcome, created_at) values ('${teamId}', '${repId}', ${prospectId}, ${Date.parse("2026-06-29T15:00:00Z")}, 'voicemail', 0) returning id`,
    );
    expect(id).toBe(attempts + 1);
    const after = await query<{ n: number }>(`select coalesce(sum(voicemails), 0)::int as n from stats_rollup where team_id = '${teamId}'`);
    expect(after[0].n).toBeGreaterThan(before[0].n);
  });
});
