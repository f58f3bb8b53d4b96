import { sql } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { DEMO_TEAM, seedDemo } from "@/db/seed";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/scripts/throwaway-postgres.mjs";
import { ringback, ringbackOk } from "@/tests/trust/cli";
import { logAttempt } from "./attempts";
import { teamOwnerActor } from "./owner-actor";
import { problemCount, verifyDatabase } from "./verify";

// `ringback migrate --to postgres://…` from the demo database into a throwaway cluster's empty
// database, through the real command line: the CSVs each engine exports through the real
// `export` command are the same bytes, and the target refuses a second copy and a bad URL.

let dir: string;
let demoFile: string;
let postgres: ThrowawayPostgres;

const EXPORTS = [["attempts"], ["callbacks"], ["scripts"], ["leaderboard", "--by", "script"], ["leaderboard", "--by", "rep"]];

async function rowCount(db: Db, table: string) {
  const row = (await db.get(sql.raw(`select count(*) as n from "${table}"`))) as { n: number | string };
  return Number(row.n);
}

// It runs both engines itself: once is enough, not again in the PostgreSQL run of the service tests.
describe.skipIf(process.env.RINGBACK_TEST_ENGINE === "postgres")("ringback migrate --to postgres://", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-migrate-test-"));
    demoFile = path.join(dir, "demo.db");
    postgres = await startThrowawayPostgres();
    const db = await openDatabase(demoFile);
    await seedDemo(db);
    await db.$close();
  }, 180_000);

  afterAll(() => {
    postgres?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("copies the demo database so that both engines export the same CSVs, byte for byte", async () => {
    const target = postgres.createDatabase("migrate_demo");
    const started = Date.now();
    const report = await ringbackOk(demoFile, ["migrate", "--to", target]);
    const seconds = (Date.now() - started) / 1000;
    expect(report).toMatch(/^verify: 0 problems in the source, 0 in the target$/m);
    expect(report).toMatch(/: 5 of 5 identical on both engines/);

    // The real `export` command on each engine, independently of migrate's own proof.
    const exported = await Promise.all(
      EXPORTS.map(async (args) => {
        const command = ["export", ...args, "--team", DEMO_TEAM.slug];
        const [fromSqlite, fromPostgres] = await Promise.all([ringbackOk(demoFile, command), ringbackOk(target, command)]);
        return { args, fromSqlite, fromPostgres };
      }),
    );
    for (const { args, fromSqlite, fromPostgres } of exported) {
      expect(fromSqlite.split("\n").length, `${args.join(" ")} has rows`).toBeGreaterThan(2);
      expect(fromPostgres, args.join(" ")).toBe(fromSqlite);
    }
    expect(await ringbackOk(target, ["verify"])).toMatch(/^0 differences$/m);

    // Ids continue past the copied ones, and the rollup triggers are on again.
    const db = await openDatabase(target);
    try {
      const before = await rowCount(db, "attempt");
      const actor = await teamOwnerActor(db, DEMO_TEAM.slug);
      const logged = await logAttempt(db, actor, { prospect: { name: "After migrate", phone: "+15165550101" }, outcome: "no-message" });
      expect(logged.id).toBeGreaterThan(before);
      expect(problemCount(await verifyDatabase(db))).toBe(0);
    } finally {
      await db.$close();
    }
    const attempts = Number(/attempt\s+([\d,]+)/.exec(report)?.[1].replaceAll(",", ""));
    console.log(`migrated the demo database (${attempts} attempts) in ${seconds.toFixed(1)} s; ${EXPORTS.length} exports identical, ${exported.reduce((n, e) => n + e.fromSqlite.length, 0)} bytes`);
  }, 300_000);

  it("refuses a target that already holds a team, and changes nothing in it", async () => {
    const target = postgres.createDatabase("migrate_taken");
    await ringbackOk(target, ["team", "create", "--name", "Already Here", "--owner-email", "owner@here.test", "--owner-password", "password-123"]);
    const refused = await ringback(demoFile, ["migrate", "--to", target]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/not empty \(its organization table has 1 row\); migrate copies only into an empty database/);
    const db = await openDatabase(target);
    try {
      expect(await rowCount(db, "organization")).toBe(1);
      expect(await rowCount(db, "attempt")).toBe(0);
    } finally {
      await db.$close();
    }
  }, 60_000);

  it.each([
    ["another scheme", "mysql://root@127.0.0.1/ringback", /scheme "mysql:"/],
    ["a file path", "./elsewhere.db", /--to must be a postgres:\/\/ \(or postgresql:\/\/\) URL/],
  ])("refuses %s as the target", async (_, url, message) => {
    const refused = await ringback(demoFile, ["migrate", "--to", url]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(message);
    expect(fs.existsSync(path.resolve("elsewhere.db"))).toBe(false);
  }, 60_000);
});
