import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { seedDemo, type SeedSummary } from "@/db/seed";
import { backupDatabase, restoreDatabase } from "./backup";
import { describeDifference, problemCount, verifyDatabase } from "./verify";

// One fresh database for the file: the demo seed over a short, fixed stretch of time.
let db: Db;
let seeded: SeedSummary;
let dir: string;

beforeAll(async () => {
  db = openDatabase(":memory:");
  seeded = await seedDemo(db, { now: new Date("2025-03-14T18:00:00Z"), days: 30 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-verify-"));
});

afterAll(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const one = <T>(query: string, ...params: unknown[]) => db.$client.prepare(query).get(...params) as T;
const totalChanges = () => one<{ n: number }>("SELECT total_changes() AS n").n;

describe("verify", () => {
  it("finds nothing wrong with a freshly seeded team", () => {
    expect(seeded.created).toBe(true);
    expect(seeded.callbacks).toBeGreaterThan(0);
    const report = verifyDatabase(db);
    expect(report.integrity).toEqual([]);
    expect(report.foreignKeys).toEqual([]);
    expect(report.differences).toEqual([]);
    expect(problemCount(report)).toBe(0);
    expect(report.checked).toMatchObject({ teams: 1, prospects: seeded.prospects, attempts: seeded.attempts, voicemails: seeded.voicemails, callbacks: seeded.callbacks });
  });

  it("writes nothing", () => {
    const before = totalChanges();
    verifyDatabase(db);
    expect(totalChanges()).toBe(before);
  });

  it("reports exactly a callback whose credit was wiped", () => {
    const planted = one<{ id: number; prospectId: number; credited: number }>(
      "SELECT id, prospect_id AS prospectId, credited_attempt_id AS credited FROM callback WHERE credited_attempt_id IS NOT NULL ORDER BY id LIMIT 1",
    );
    db.$client.prepare("UPDATE callback SET credited_attempt_id = NULL WHERE id = ?").run(planted.id);
    try {
      const report = verifyDatabase(db);
      expect(report.differences).toEqual([
        { table: "callback", id: planted.id, prospectId: planted.prospectId, column: "credited_attempt_id", stored: "null", expected: String(planted.credited) },
      ]);
      expect(describeDifference(report.differences[0])).toBe(
        `callback ${planted.id} (prospect ${planted.prospectId}): credited_attempt_id is null, expected ${planted.credited}`,
      );
      expect(problemCount(report)).toBe(1);
    } finally {
      db.$client.prepare("UPDATE callback SET credited_attempt_id = ? WHERE id = ?").run(planted.credited, planted.id);
    }
  });

  it("reports exactly a voicemail with a wrong returned time", () => {
    const planted = one<{ id: number; prospectId: number; returnedAt: number }>(
      "SELECT id, prospect_id AS prospectId, returned_at AS returnedAt FROM attempt WHERE returned_at IS NOT NULL ORDER BY id LIMIT 1",
    );
    const wrong = planted.returnedAt + 3_600_000;
    db.$client.prepare("UPDATE attempt SET returned_at = ? WHERE id = ?").run(wrong, planted.id);
    try {
      const report = verifyDatabase(db);
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
      db.$client.prepare("UPDATE attempt SET returned_at = ? WHERE id = ?").run(planted.returnedAt, planted.id);
    }
    expect(verifyDatabase(db).differences).toEqual([]);
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
      expect(counts(copy)).toEqual(counts(db.$client));
      expect(counts(copy).attempt).toBe(seeded.attempts);
    } finally {
      copy.close();
    }
  });

  it("restores only with force, and drops the replaced database's stale -wal and -shm", async () => {
    const source = path.join(dir, "to-restore.db");
    const target = path.join(dir, "live.db");
    await backupDatabase(db, source);
    const other = openDatabase(target);
    other.$client.close();
    await expect(restoreDatabase(source, target)).rejects.toThrow(/pass --force/);

    fs.writeFileSync(`${target}-wal`, "stale");
    fs.writeFileSync(`${target}-shm`, "stale");
    await restoreDatabase(source, target, { force: true });
    expect(fs.existsSync(`${target}-wal`)).toBe(false);
    expect(fs.existsSync(`${target}-shm`)).toBe(false);
    const restored = new Database(target, { readonly: true });
    try {
      expect(counts(restored)).toEqual(counts(db.$client));
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
