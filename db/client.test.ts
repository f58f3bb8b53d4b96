import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";

// The import worker and the CLI write through connections of their own. A write transaction that
// read first used to fail with "database is locked" when one of them committed in between.
describe("write transactions beside another connection", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  async function twoConnections() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-lock-"));
    dirs.push(dir);
    const file = path.join(dir, "db.sqlite");
    const db = await openDatabase(file);
    await db.run(sql`create table probe (n integer)`);
    const other = new Database(file);
    other.pragma("busy_timeout = 0");
    return { db, other };
  }

  it("holds the write lock from its first read, so another writer waits instead of breaking it", async () => {
    const { db, other } = await twoConnections();
    let otherWrote: boolean | null = null;
    await db.transaction(async (tx) => {
      await tx.all(sql`select count(*) from probe`);
      try {
        other.prepare("insert into probe values (2)").run();
        otherWrote = true;
      } catch {
        otherWrote = false;
      }
      await tx.run(sql`insert into probe values (1)`);
    });
    expect(otherWrote).toBe(false);
    expect(await db.all(sql`select n from probe`)).toEqual([{ n: 1 }]);
    other.close();
  });

  it("leaves the read snapshots deferred, so readers never queue behind a writer", async () => {
    const { db, other } = await twoConnections();
    other.exec("begin immediate; insert into probe values (3);");
    const seen = await db.transaction(async (tx) => tx.all(sql`select n from probe`), { behavior: "deferred" });
    other.exec("commit");
    expect(seen).toEqual([]);
    other.close();
  });
});
