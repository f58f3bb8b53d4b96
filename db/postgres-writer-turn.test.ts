import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startThrowawayPostgres, type ThrowawayPostgres } from "@/scripts/throwaway-postgres.mjs";
import { openDatabase, type Db } from "./client";
import { organization } from "./schema";
import { teamTransaction } from "./team-writes";

// PostgreSQL's writers are serialized by an advisory lock (db/postgres-session.ts). A process's
// writers wait for their turn in the process, not each on a pool connection of its own: ten queued
// dials would otherwise hold all ten connections while every read waited for one. This starts its
// own cluster, so it runs once, in the SQLite run, with a pool larger than the tests' usual one.

let cluster: ThrowawayPostgres;
let db: Db;
beforeAll(async () => {
  cluster = await startThrowawayPostgres();
  const previous = process.env.RINGBACK_PG_POOL;
  process.env.RINGBACK_PG_POOL = "3";
  try {
    db = await openDatabase(cluster.createDatabase("writer_turn"));
  } finally {
    if (previous === undefined) delete process.env.RINGBACK_PG_POOL;
    else process.env.RINGBACK_PG_POOL = previous;
  }
}, 120_000);
afterAll(async () => {
  await db?.$close();
  cluster?.stop();
});

const team = (slug: string) => ({ id: `id-${slug}`, name: slug, slug });
const exists = async (slug: string) => Boolean(await db.select({ id: organization.id }).from(organization).where(eq(organization.slug, slug)).get());

describe("writes waiting for PostgreSQL's writer lock", () => {
  it("wait one per process, so a read still finds a free connection of the pool", async () => {
    // A pool of three; one write holds the lock while five more are queued behind it. Had each
    // queued write taken a connection to wait on the lock, the read would wait for the first
    // write to end — which waits for the read: the test would time out.
    let readDone!: () => void;
    const read = new Promise<void>((resolve) => (readDone = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const first = db.transaction(async (tx) => {
      await tx.insert(organization).values(team("holds-the-lock")).run();
      holding();
      await read;
    });
    await held;
    const queued = Array.from({ length: 5 }, (_, i) => db.transaction(async (tx) => tx.insert(organization).values(team(`queued-${i}`)).run()));
    // Not committed yet: the read ran beside the open write, on a connection of its own.
    expect(await exists("holds-the-lock")).toBe(false);
    readDone();
    await Promise.all([first, ...queued]);
    expect(await exists("holds-the-lock")).toBe(true);
    for (let i = 0; i < 5; i++) expect(await exists(`queued-${i}`)).toBe(true);
  });

  it("of one team do not wait for another team's writers; the same team's and whole-database writers do", async () => {
    await db.insert(organization).values([team("team-a"), team("team-b")]).run();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const done: string[] = [];
    const teamA = teamTransaction(db, "id-team-a", async (tx) => {
      await tx.update(organization).set({ name: "A, first" }).where(eq(organization.id, "id-team-a")).run();
      holding();
      await gate;
      done.push("A first");
    });
    await held;
    const sameTeam = teamTransaction(db, "id-team-a", async (tx) => {
      await tx.update(organization).set({ name: "A, second" }).where(eq(organization.id, "id-team-a")).run();
      done.push("A second");
    });
    // Team B writes and commits while team A's first write is still open.
    await teamTransaction(db, "id-team-b", async (tx) => {
      await tx.update(organization).set({ name: "B" }).where(eq(organization.id, "id-team-b")).run();
      done.push("B");
    });
    expect(done).toEqual(["B"]);
    // A writer across teams waits for team A (and, once it waits, so do every team's new
    // writers: PostgreSQL queues them behind it, so it is never starved).
    const wholeDatabase = db.transaction(async (tx) => {
      await tx.insert(organization).values(team("spans-teams")).run();
      done.push("whole database");
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(done).toEqual(["B"]);
    release();
    await Promise.all([teamA, sameTeam, wholeDatabase]);
    expect(done.slice(0, 2)).toEqual(["B", "A first"]);
    expect(new Set(done)).toEqual(new Set(["B", "A first", "A second", "whole database"]));
    const names = await db.select({ id: organization.id, name: organization.name }).from(organization).all();
    expect(names.find((o) => o.id === "id-team-a")?.name).toBe("A, second");
  });
});
