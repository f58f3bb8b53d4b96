import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db, sqliteConnection } from "@/db/client";
import { seedDemo, type SeedSummary } from "@/db/seed";
import { backupDatabase, restoreDatabase } from "./backup";
import { updateTeamSettings } from "./teams";
import { describeDifference, problemCount, verifyDatabase } from "./verify";

// One fresh database for the file: the demo seed over a short, fixed stretch of time.
let db: Db;
let seeded: SeedSummary;
let dir: string;

beforeAll(async () => {
  db = await openDatabase(":memory:");
  seeded = await seedDemo(db, { now: new Date("2025-03-14T18:00:00Z"), days: 30 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-verify-"));
});

afterAll(async () => {
  await db.$close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const one = <T>(query: string, ...params: unknown[]) => sqliteConnection(db).prepare(query).get(...params) as T;
const totalChanges = () => one<{ n: number }>("SELECT total_changes() AS n").n;

describe("verify", () => {
  it("finds nothing wrong with a freshly seeded team", async () => {
    expect(seeded.created).toBe(true);
    expect(seeded.callbacks).toBeGreaterThan(0);
    const report = await verifyDatabase(db);
    expect(report.integrity).toEqual([]);
    expect(report.foreignKeys).toEqual([]);
    expect(report.differences).toEqual([]);
    expect(problemCount(report)).toBe(0);
    expect(report.checked).toMatchObject({ teams: 1, prospects: seeded.prospects, attempts: seeded.attempts, voicemails: seeded.voicemails, callbacks: seeded.callbacks });
  });

  it("writes nothing", async () => {
    const before = totalChanges();
    await verifyDatabase(db);
    expect(totalChanges()).toBe(before);
  });

  it("reports exactly a callback whose credit was wiped", async () => {
    const planted = one<{ id: number; prospectId: number; credited: number }>(
      "SELECT id, prospect_id AS prospectId, credited_attempt_id AS credited FROM callback WHERE credited_attempt_id IS NOT NULL ORDER BY id LIMIT 1",
    );
    sqliteConnection(db).prepare("UPDATE callback SET credited_attempt_id = NULL WHERE id = ?").run(planted.id);
    try {
      const report = await verifyDatabase(db);
      expect(report.differences).toEqual([
        { table: "callback", id: planted.id, prospectId: planted.prospectId, column: "credited_attempt_id", stored: "null", expected: String(planted.credited) },
      ]);
      expect(describeDifference(report.differences[0])).toBe(
        `callback ${planted.id} (prospect ${planted.prospectId}): credited_attempt_id is null, expected ${planted.credited}`,
      );
      expect(problemCount(report)).toBe(1);
    } finally {
      sqliteConnection(db).prepare("UPDATE callback SET credited_attempt_id = ? WHERE id = ?").run(planted.credited, planted.id);
    }
  });

  it("reports exactly a voicemail with a wrong returned time", async () => {
    const planted = one<{ id: number; prospectId: number; returnedAt: number }>(
      "SELECT id, prospect_id AS prospectId, returned_at AS returnedAt FROM attempt WHERE returned_at IS NOT NULL ORDER BY id LIMIT 1",
    );
    const wrong = planted.returnedAt + 3_600_000;
    sqliteConnection(db).prepare("UPDATE attempt SET returned_at = ? WHERE id = ?").run(wrong, planted.id);
    try {
      const report = await verifyDatabase(db);
      expect(report.differences).toEqual([
        {
          table: "attempt",
          id: planted.id,
          prospectId: planted.prospectId,
          column: "returned_at",
          stored: new Date(wrong).toISOString(),
          expected: new Date(planted.returnedAt).toISOString(),
        },
      ]);
    } finally {
      sqliteConnection(db).prepare("UPDATE attempt SET returned_at = ? WHERE id = ?").run(planted.returnedAt, planted.id);
    }
    expect((await verifyDatabase(db)).differences).toEqual([]);
  });

  it("reports exactly a leaderboard rollup counter that drifted from the attempts", async () => {
    const planted = one<{ period: string; key: string; voicemails: number; returned: number; appointments: number }>(
      "SELECT period, key, voicemails, returned, appointments FROM stats_rollup WHERE dim = 'rep' AND grain = 'day' AND voicemails > 0 ORDER BY period, key LIMIT 1",
    );
    const where = "dim = 'rep' AND grain = 'day' AND period = ? AND key = ?";
    sqliteConnection(db).prepare(`UPDATE stats_rollup SET returned = returned + 1 WHERE ${where}`).run(planted.period, planted.key);
    try {
      const report = await verifyDatabase(db);
      const counts = (returned: number) => `${planted.voicemails}/${returned}/${planted.appointments}`;
      expect(report.differences).toEqual([
        { table: "stats_rollup", id: 0, prospectId: 0, column: `rep day ${planted.period} ${planted.key}`, stored: counts(planted.returned + 1), expected: counts(planted.returned) },
      ]);
      expect(describeDifference(report.differences[0])).toBe(
        `stats_rollup rep day ${planted.period} ${planted.key}: voicemails/returned/appointments are ${counts(planted.returned + 1)}, expected ${counts(planted.returned)}`,
      );
    } finally {
      sqliteConnection(db).prepare(`UPDATE stats_rollup SET returned = ? WHERE ${where}`).run(planted.returned, planted.period, planted.key);
    }
  });

  it("reports a rollup counter that is missing", async () => {
    const planted = one<Record<string, string | number>>("SELECT * FROM stats_rollup WHERE dim = 'version' AND grain = 'month' AND voicemails > 0 ORDER BY period, key LIMIT 1");
    sqliteConnection(db).prepare("DELETE FROM stats_rollup WHERE team_id = ? AND dim = ? AND grain = ? AND period = ? AND key = ?").run(planted.team_id, planted.dim, planted.grain, planted.period, planted.key);
    try {
      expect((await verifyDatabase(db)).differences).toEqual([
        {
          table: "stats_rollup",
          id: 0,
          prospectId: 0,
          column: `version month ${planted.period} ${planted.key}`,
          stored: "0/0/0",
          expected: `${planted.voicemails}/${planted.returned}/${planted.appointments}`,
        },
      ]);
    } finally {
      sqliteConnection(db)
        .prepare("INSERT INTO stats_rollup (team_id, dim, grain, period, key, voicemails, returned, appointments) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .run(planted.team_id, planted.dim, planted.grain, planted.period, planted.key, planted.voicemails, planted.returned, planted.appointments);
    }
    expect((await verifyDatabase(db)).differences).toEqual([]);
  });

  it("keeps rollups exact through a change of the team's time zone, which moves voicemails between days", async () => {
    const team = one<{ id: string; timezone: string }>("SELECT id, timezone FROM organization LIMIT 1");
    const owner = one<{ userId: string }>("SELECT user_id AS userId FROM member WHERE organization_id = ? AND role = 'owner'", team.id);
    const actor = { userId: owner.userId, teamId: team.id, role: "owner" as const };
    const days = () => sqliteConnection(db).prepare("SELECT period, sum(voicemails) AS n FROM stats_rollup WHERE dim = 'rep' AND grain = 'day' GROUP BY period ORDER BY period").all();
    const before = days();
    await updateTeamSettings(db, actor, { timezone: "Asia/Tokyo" });
    try {
      expect(days()).not.toEqual(before);
      expect((await verifyDatabase(db)).differences).toEqual([]);
    } finally {
      await updateTeamSettings(db, actor, { timezone: team.timezone });
    }
    expect(days()).toEqual(before);
  });
});

describe("backup and restore", () => {
  const TABLES = ["user", "account", "organization", "member", "prospect", "script", "script_version", "attempt", "callback"];
  const counts = (sqlite: Database.Database) =>
    Object.fromEntries(TABLES.map((t) => [t, (sqlite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));

  it("writes a copy with the same rows, in one self-contained file", async () => {
    const file = path.join(dir, "backup.db");
    await backupDatabase(db, file);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const copy = new Database(file, { readonly: true });
    try {
      expect(counts(copy)).toEqual(counts(sqliteConnection(db)));
      expect(counts(copy).attempt).toBe(seeded.attempts);
    } finally {
      copy.close();
    }
  });

  it("restores only with force, and drops the replaced database's stale -wal and -shm", async () => {
    const source = path.join(dir, "to-restore.db");
    const target = path.join(dir, "live.db");
    await backupDatabase(db, source);
    const other = await openDatabase(target);
    await other.$close();
    await expect(restoreDatabase(source, target)).rejects.toThrow(/pass --force/);

    fs.writeFileSync(`${target}-wal`, "stale");
    fs.writeFileSync(`${target}-shm`, "stale");
    await restoreDatabase(source, target, { force: true });
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(fs.existsSync(`${target}-shm`)).toBe(false);
    const restored = new Database(target, { readonly: true });
    try {
      expect(counts(restored)).toEqual(counts(sqliteConnection(db)));
    } finally {
      restored.close();
    }
  });

  it("refuses a file that is not an intact database", async () => {
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "not a database");
    await expect(restoreDatabase(junk, path.join(dir, "elsewhere.db"), { force: true })).rejects.toThrow(/not a readable SQLite database/);
    expect(fs.existsSync(path.join(dir, "elsewhere.db"))).toBe(false);
  });
});
