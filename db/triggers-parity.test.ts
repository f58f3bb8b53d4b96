import path from "node:path";
import fs from "node:fs";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../scripts/throwaway-postgres.mjs";
import { openDatabase, type Db, sqliteConnection } from "./client";
import { POSTGRES_MIGRATIONS_FOLDER, migratePostgres } from "./postgres-migrate";
import { syncTeamZone } from "./rollups";

// The rollup and day-generation triggers exist twice, in SQLite's SQL and in PL/pgSQL. The same
// writes go through both engines and the derived tables must come out row for row the same,
// after every single statement: local days across zone and month boundaries, attempt-number
// buckets, returned and appointment flips, soft and hard deletes, a team change.

function pgPool(url: string) {
  // int8 comes back as a string by default; the app stores ids, counts and times as bigint.
  const types = new pg.TypeOverrides();
  types.setTypeParser(pg.types.builtins.INT8, Number);
  return new pg.Pool({ connectionString: url, types });
}

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** 00:00 EST on 8 March 2026 in New York, the night clocks go forward at 07:00 UTC. */
const NY_MIDNIGHT = Date.UTC(2026, 2, 8, 5);
const NY_DST = Date.UTC(2026, 2, 8, 7);
/** 00:00 EDT on 1 April 2026 in New York: a new local month. */
const NY_APRIL = Date.UTC(2026, 3, 1, 4);
/** 00:00 IST on 1 February 2026 in Kolkata (UTC+5:30). */
const IN_FEBRUARY = Date.UTC(2026, 0, 31, 18, 30);
/** Before the first offset in the zone table (1990): the earliest known offset applies. */
const LONG_AGO = Date.UTC(1985, 5, 1, 2);
const UTC_DAY = Date.UTC(2026, 2, 9);

const fixtures = [
  "insert into organization (id, name, slug, timezone) values ('ny', 'New York', 'ny', 'America/New_York')",
  "insert into organization (id, name, slug, timezone) values ('in', 'Kolkata', 'in', 'Asia/Kolkata')",
  // Santiago puts its clocks back from midnight to 23:00: an offset taken a millisecond late is a day off.
  "insert into organization (id, name, slug, timezone) values ('cl', 'Santiago', 'cl', 'America/Santiago')",
  // No offsets stored at all: days are UTC days.
  "insert into organization (id, name, slug, timezone) values ('bare', 'Bare', 'bare', 'UTC')",
  "insert into \"user\" (id, name, email) values ('ann', 'Ann', 'ann@example.com'), ('bob', 'Bob', 'bob@example.com')",
  "insert into prospect (id, team_id, name, phone) values (1, 'ny', 'P1', '+12025550101'), (2, 'ny', 'P2', '+12025550102'), (3, 'in', 'P3', '+912025550103'), (4, 'bare', 'P4', null)",
  "insert into script (id, team_id, title, stage, author_id) values (1, 'ny', 'S1', 'any', 'ann'), (2, 'in', 'S2', 'any', 'bob'), (3, 'bare', 'S3', 'any', 'ann')",
  "insert into script_version (id, script_id, number, body, word_count, author_id) values (11, 1, 1, 'a', 1, 'ann'), (12, 1, 2, 'b', 1, 'ann'), (21, 2, 1, 'c', 1, 'bob'), (31, 3, 1, 'd', 1, 'ann')",
];

type Attempt = [id: number, team: string, rep: string, prospect: number, at: number, outcome: string, version: number | null, vm: number | null, returnedAt: number | null, appointment: 0 | 1];
const literal = (v: string | number | null) => (v === null ? "null" : typeof v === "number" ? String(v) : `'${v}'`);
const insertAttempt = (a: Attempt) =>
  `insert into attempt (id, team_id, rep_id, prospect_id, at, outcome, script_version_id, voicemail_number, returned_at, appointment) values (${a.map(literal).join(", ")})`;

const attempts: Attempt[] = [
  [1, "ny", "ann", 1, NY_MIDNIGHT - 1, "voicemail", 11, 1, null, 0],
  [2, "ny", "ann", 1, NY_MIDNIGHT, "voicemail", 11, 2, NY_MIDNIGHT + HOUR, 0],
  [3, "ny", "bob", 1, NY_DST - 1, "voicemail", 12, 3, NY_DST + HOUR, 1],
  [4, "ny", "bob", 2, NY_DST, "voicemail", 12, 4, null, 0],
  [5, "ny", "ann", 2, NY_APRIL - 1, "voicemail", 11, 5, NY_APRIL + HOUR, 1],
  [6, "ny", "ann", 2, NY_APRIL, "voicemail", null, 6, null, 0],
  [7, "ny", "bob", 2, NY_APRIL + HOUR, "connected", 11, null, null, 0],
  [8, "ny", "ann", 1, LONG_AGO, "voicemail", 11, 1, LONG_AGO + HOUR, 0],
  [9, "ny", "ann", 1, UTC_DAY - 1, "voicemail", 12, null, UTC_DAY + HOUR, 0],
  [10, "in", "bob", 3, IN_FEBRUARY - 1, "voicemail", 21, 1, IN_FEBRUARY, 1],
  [11, "in", "bob", 3, IN_FEBRUARY, "voicemail", 21, 2, null, 0],
  [12, "in", "ann", 3, IN_FEBRUARY + DAY, "no-message", null, null, null, 0],
  [13, "bare", "ann", 4, UTC_DAY - 1, "voicemail", 31, 4, UTC_DAY, 0],
  [14, "bare", "ann", 4, UTC_DAY, "voicemail", 31, 7, null, 0],
];

const writes: string[] = [
  ...attempts.map(insertAttempt),
  "insert into callback (id, team_id, prospect_id, at, result) values (1, 'ny', 1, " + (UTC_DAY - 1) + ", 'interested')",
  "insert into callback (id, team_id, prospect_id, at, result, credited_attempt_id) values (2, 'ny', 2, " + UTC_DAY + ", 'appointment', 4)",
  "insert into callback (id, team_id, prospect_id, at, result) values (3, 'in', 3, " + IN_FEBRUARY + ", 'other')",
  // Returned and appointment flips, one at a time and together.
  `update attempt set returned_at = ${NY_MIDNIGHT + 2 * HOUR} where id = 1`,
  "update attempt set returned_at = null where id = 2",
  "update attempt set appointment = 1 where id = 2",
  `update attempt set returned_at = ${NY_DST + 3 * HOUR}, appointment = 1 where id = 4`,
  "update attempt set appointment = 0 where id = 3",
  // Renumbered voicemails: into the 4+ bucket, within it, out of it, to none.
  "update attempt set voicemail_number = 4 where id = 2",
  "update attempt set voicemail_number = 6 where id = 4",
  "update attempt set voicemail_number = 1 where id = 5",
  "update attempt set voicemail_number = null where id = 3",
  // Another script version, then none.
  "update attempt set script_version_id = 12 where id = 1",
  "update attempt set script_version_id = null where id = 2",
  // Moved across the local midnight, the change of clocks and the month.
  `update attempt set at = ${NY_MIDNIGHT + 1} where id = 1`,
  `update attempt set at = ${NY_DST - 1} where id = 4`,
  `update attempt set at = ${NY_APRIL - 2} where id = 6`,
  `update attempt set at = ${IN_FEBRUARY - 2} where id = 11`,
  // Not a voicemail any more, and one again.
  "update attempt set outcome = 'connected' where id = 5",
  "update attempt set outcome = 'voicemail', voicemail_number = 2 where id = 7",
  // Columns the triggers do not watch.
  "update attempt set notes = 'called back', message_seconds = 31 where id = 3",
  "update callback set notes = 'later' where id = 1",
  // Soft delete, restore, and soft delete for good.
  `update attempt set deleted_at = ${UTC_DAY} where id = 3`,
  `update attempt set deleted_at = ${UTC_DAY} where id = 9`,
  "update attempt set deleted_at = null where id = 3",
  `update callback set deleted_at = ${UTC_DAY} where id = 1`,
  // A rep change and a team change.
  "update attempt set rep_id = 'bob' where id = 1",
  "update attempt set team_id = 'bare' where id = 8",
  "update callback set team_id = 'in' where id = 1",
  // Callback credit and time.
  "update callback set credited_attempt_id = 2 where id = 3",
  `update callback set at = ${UTC_DAY - DAY} where id = 3`,
  // Several rows in one statement.
  "update attempt set appointment = 1 - appointment where team_id = 'ny' and outcome = 'voicemail'",
  // An upsert that lands on an existing attempt runs its update triggers.
  insertAttempt([15, "in", "bob", 3, IN_FEBRUARY + DAY, "voicemail", 21, 3, null, 0]),
  `insert into attempt (team_id, rep_id, prospect_id, at, outcome, script_version_id, voicemail_number, returned_at) values ('in', 'bob', 3, ${IN_FEBRUARY + DAY}, 'voicemail', 21, 3, ${IN_FEBRUARY + 2 * DAY}) on conflict (team_id, prospect_id, rep_id, at, outcome) do update set returned_at = excluded.returned_at`,
  // Hard deletes: a returned voicemail, an unreturned one, a callback.
  "delete from callback where id = 2",
  "delete from attempt where id = 4",
  "delete from attempt where id = 11",
  "delete from attempt where id = 9",
  "delete from callback where id = 3",
  "delete from attempt where team_id = 'bare'",
];

type Row = Record<string, unknown>;
const sorted = (rows: Row[]) => rows.map((r) => JSON.stringify(Object.values(r))).sort();
const ROLLUP = "select team_id, dim, grain, period, key, voicemails, returned, appointments from stats_rollup";
const GENERATIONS = "select team_id, day, gen from day_generation";

let cluster: ThrowawayPostgres;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
}, 60_000);
afterAll(() => cluster?.stop());

describe("the PostgreSQL triggers keep the same rollups and day generations as SQLite's", () => {
  let pool: pg.Pool;
  let sqlite: Db;

  beforeAll(async () => {
    pool = pgPool(cluster.createDatabase("triggers"));
    await migratePostgres(drizzle(pool));
    sqlite = await openDatabase(":memory:");
    for (const statement of fixtures) {
      sqliteConnection(sqlite).exec(statement);
      await pool.query(statement);
    }
    for (const team of sqliteConnection(sqlite).prepare("select id, timezone from organization where id <> 'bare'").all() as { id: string; timezone: string }[]) {
      await syncTeamZone(sqlite, team.id, team.timezone);
    }
    const offsets = sqliteConnection(sqlite).prepare("select team_id, time_zone, from_ms, offset_ms from team_zone_offset").all() as Row[];
    expect(offsets.length).toBeGreaterThan(100);
    await pool.query(
      "insert into team_zone_offset (team_id, time_zone, from_ms, offset_ms) select * from unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[])",
      [offsets.map((o) => o.team_id), offsets.map((o) => o.time_zone), offsets.map((o) => o.from_ms), offsets.map((o) => o.offset_ms)],
    );
  }, 60_000);

  afterAll(() => pool?.end());

  async function both(query: string) {
    return { sqlite: sorted(sqliteConnection(sqlite).prepare(query).all() as Row[]), pg: sorted((await pool.query(query)).rows) };
  }

  it("buckets instants into the same local day: around every clock change 1990–2080, and 3,000 instants 1985–2085", async () => {
    let seed = 15;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const from = Date.UTC(1985, 0, 1);
    const to = Date.UTC(2085, 0, 1);
    const randomInstants = Array.from({ length: 3_000 }, () => from + Math.floor(random() * (to - from)));
    const sqliteDay = sqliteConnection(sqlite).prepare(
      "select date((? + coalesce((select z.offset_ms from team_zone_offset z where z.team_id = ? and z.from_ms <= ? order by z.from_ms desc limit 1), " +
        "(select z.offset_ms from team_zone_offset z where z.team_id = ? order by z.from_ms limit 1), 0)) / 1000, 'unixepoch') as day",
    );
    const changes = sqliteConnection(sqlite).prepare("select from_ms from team_zone_offset where team_id = ?").pluck();
    for (const team of ["ny", "in", "cl", "bare"]) {
      const instants = [...randomInstants, ...(changes.all(team) as number[]).flatMap((t) => [t - HOUR, t - 1, t, t + 1, t + HOUR])];
      const expected = instants.map((at) => (sqliteDay.get(at, team, at, team) as { day: string }).day);
      const got = await pool.query<{ day: string }>("select rollup_local_day($1, at) as day from unnest($2::bigint[]) with ordinality u(at, n) order by n", [team, instants]);
      expect(got.rows.map((r) => r.day), team).toEqual(expected);
    }
  });

  it("after every write", async () => {
    for (const statement of writes) {
      sqliteConnection(sqlite).exec(statement);
      await pool.query(statement);
      const rollups = await both(ROLLUP);
      expect(rollups.pg, `stats_rollup after: ${statement}`).toEqual(rollups.sqlite);
      const generations = await both(GENERATIONS);
      expect(generations.pg, `day_generation after: ${statement}`).toEqual(generations.sqlite);
    }
    // The writes reached every case compared: not two empty tables.
    const periods = await pool.query<{ period: string }>("select distinct period from stats_rollup where grain = 'day' order by period");
    expect(periods.rows.map((r) => r.period)).toEqual(
      expect.arrayContaining(["1985-05-31", "2026-01-31", "2026-02-01", "2026-03-07", "2026-03-08", "2026-03-31", "2026-04-01"]),
    );
    const keys = await pool.query<{ key: string }>("select distinct key from stats_rollup where dim = 'attempt' order by key");
    expect(keys.rows.map((r) => r.key)).toEqual(["1", "2", "3", "4+"]);
    const generations = await pool.query<{ gen: number }>("select gen from day_generation");
    expect(Math.max(...generations.rows.map((r) => r.gen))).toBeGreaterThan(3);
  });
});

describe("migratePostgres", () => {
  it("lets processes starting together on an empty database take turns", async () => {
    const url = cluster.createDatabase("together");
    const pools = [pgPool(url), pgPool(url), pgPool(url)];
    try {
      await Promise.all(pools.map((p) => migratePostgres(drizzle(p))));
      const applied = await pools[0].query("select count(*)::int as n from drizzle.__drizzle_migrations");
      // Each migration once, however many processes raced to apply them.
      const journalEntries = (JSON.parse(fs.readFileSync(path.join(POSTGRES_MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
      expect(applied.rows[0].n).toBe(journalEntries);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it("fills the same defaults as SQLite: epoch milliseconds now, 0 for false, the team settings", async () => {
    const pool = pgPool(cluster.createDatabase("defaults"));
    const sqlite = await openDatabase(":memory:");
    try {
      await migratePostgres(drizzle(pool));
      const rows = [
        "insert into organization (id, name, slug) values ('t', 'T', 't')",
        "insert into \"user\" (id, name, email) values ('u', 'U', 'u@example.com')",
        "insert into script (id, team_id, title, stage, author_id) values (1, 't', 'S', 'any', 'u')",
        "insert into prospect (team_id, name, phone) values ('t', 'P', null)",
        "insert into outbox (\"to\", subject, text) values ('a@example.com', 's', 'x')",
      ];
      const before = Date.now();
      for (const statement of rows) {
        sqliteConnection(sqlite).exec(statement);
        await pool.query(statement);
      }
      const after = Date.now();
      const read = [
        "select timezone, attribution_window_days, min_sample, words_per_minute, default_region, created_at from organization",
        "select email_verified, created_at, updated_at from \"user\"",
        "select shared, archived, team_pick, unrecorded, created_at, updated_at from script",
        "select id, status, created_at from prospect",
        "select id, created_at from outbox",
      ];
      for (const query of read) {
        const [fromSqlite] = sqliteConnection(sqlite).prepare(query).all() as Row[];
        const [fromPg] = (await pool.query(query)).rows as Row[];
        const times = Object.keys(fromPg).filter((k) => k.endsWith("_at"));
        for (const k of times) {
          expect(fromPg[k], `${k} of ${query}`).toBeGreaterThanOrEqual(before - 1);
          expect(fromPg[k], `${k} of ${query}`).toBeLessThanOrEqual(after);
          expect(Number.isInteger(fromPg[k])).toBe(true);
          fromPg[k] = fromSqlite[k] = "now";
        }
        expect(fromPg, query).toEqual(fromSqlite);
      }
    } finally {
      await pool.end();
      await sqlite.$close();
    }
  });

  it("refuses a database whose trigger is missing, naming it", async () => {
    const pool = pgPool(cluster.createDatabase("missing"));
    try {
      await migratePostgres(drizzle(pool));
      await pool.query("drop trigger callback_day_generation_update on callback");
      await expect(migratePostgres(drizzle(pool))).rejects.toThrow(/lacks a trigger .*: callback_day_generation_update on callback\./);
    } finally {
      await pool.end();
    }
  });
});
