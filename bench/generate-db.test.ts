import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabaseReadOnly, sqliteConnection } from "@/db/client";
import { verifyDatabase } from "@/server/services/verify";
import { generateDatabase, parseSize } from "./generate-db";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-gen-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every attempt and callback row, as one string, to compare two generated databases. */
async function contents(file: string): Promise<string> {
  const db = await openDatabaseReadOnly(file);
  const rows = [
    sqliteConnection(db).prepare("select id, prospect_id, at, outcome, script_version_id, voicemail_number, returned_at, appointment from attempt order by id").raw().all(),
    sqliteConnection(db).prepare("select id, prospect_id, at, result, credited_attempt_id from callback order by id").raw().all(),
  ];
  await db.$close();
  return JSON.stringify(rows);
}

describe("bench database generator", () => {
  const a = path.join(dir, "a.db");
  const b = path.join(dir, "b.db");

  it("writes the asked number of dials, with callbacks credited as `verify` recomputes them", async () => {
    const generated = await generateDatabase(a, { attempts: 5000, seed: 11, end: "2026-06-30", reps: 8, scripts: 20 });
    expect(generated.attempts).toBe(5000);
    expect(generated.callbacks).toBeGreaterThan(50);
    const db = await openDatabaseReadOnly(a);
    const report = await verifyDatabase(db);
    await db.$close();
    expect(report.differences).toEqual([]);
    expect(report.checked.attempts).toBe(5000);
    expect(report.checked.callbacks).toBe(generated.callbacks);
  });

  it("is deterministic: the same seed gives the same rows", async () => {
    await generateDatabase(b, { attempts: 5000, seed: 11, end: "2026-06-30", reps: 8, scripts: 20 });
    expect(await contents(b)).toBe(await contents(a));
  });

  it("reads sizes the way --size is written", () => {
    expect([parseSize("100k"), parseSize("1M"), parseSize("10M"), parseSize("2500")]).toEqual([100_000, 1_000_000, 10_000_000, 2500]);
    expect(() => parseSize("lots")).toThrow();
  });
});
