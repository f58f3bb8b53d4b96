import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createTeam } from "@/server/services/teams";
import { createChangeWatcher, type TeamChangeEvent } from "@/server/services/live-feed";
import { callerFor, makeUser, openTestDatabase } from "@/tests/support/fixtures";

// The live boards' change feed (issue 14): a write through one database handle — another server
// process, another machine — reaches a watcher on another handle, with what kind of row moved,
// and only for the team it belongs to.
// SQLite: a file, as two handles on :memory: would be two databases.
const pgDb = process.env.RINGBACK_TEST_POSTGRES ? await openTestDatabase() : null;
const location = pgDb ? pgDb.$location : path.join(mkdtempSync(path.join(tmpdir(), "live-feed-")), "live.db");
const db = pgDb ?? (await openDatabase(location));
const readerDb = await openDatabase(location);
const watcher = createChangeWatcher(readerDb, 50);

afterAll(async () => {
  watcher.stop();
  await readerDb.$close();
});

async function team(name: string) {
  const owner = await makeUser(db, `${name} Owner`);
  const created = await createTeam(db, owner.id, { name, timezone: "America/New_York" });
  const caller = callerFor(db, owner, created.id);
  const script = await caller.scripts.create({ title: "Last try", stage: "follow-up", body: "Hi {prospect.firstName}." });
  return { id: created.id, caller, script };
}

function collect(teamId: string) {
  const events: TeamChangeEvent[] = [];
  const ready = watcher.subscribe(teamId, (event) => events.push(event));
  return { events, ready };
}

describe("the change feed", () => {
  it("reports a dial and then a callback written through another handle, each with its kind, to that team only", async () => {
    const a = await team("Live A");
    const b = await team("Live B");
    const seenA = collect(a.id);
    const seenB = collect(b.id);
    const stopA = await seenA.ready;
    const stopB = await seenB.ready;

    const dial = await a.caller.attempts.log({ prospect: { name: "Dana Whitfield", phone: "516-541-8160" }, outcome: "voicemail", scriptId: a.script.id });
    await expect.poll(() => seenA.events.length, { timeout: 2000 }).toBe(1);
    expect(seenA.events[0].kinds).toEqual(["dial"]);

    await a.caller.callbacks.log({ prospect: { id: dial.prospectId }, result: "interested" });
    await expect.poll(() => seenA.events.length, { timeout: 2000 }).toBe(2);
    // Crediting the callback marks the voicemail returned: both kinds moved.
    expect(seenA.events[1].kinds).toEqual(["dial", "callback"]);
    expect(seenA.events[1].seq).toBeGreaterThan(seenA.events[0].seq);
    expect(seenB.events).toEqual([]);

    stopA();
    stopB();
    await a.caller.attempts.log({ prospect: { id: dial.prospectId }, outcome: "no-message" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seenA.events).toHaveLength(2);
  });

  it("reports only writes made after a subscription, and stops reading once nobody listens", async () => {
    const a = await team("Live C");
    await a.caller.attempts.log({ prospect: { name: "Earlier Dial", phone: "516-541-8161" }, outcome: "no-message" });
    const seen = collect(a.id);
    const stop = await seen.ready;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.events).toEqual([]);
    expect(watcher.size()).toBe(1);
    stop();
    expect(watcher.size()).toBe(0);
  });
});
