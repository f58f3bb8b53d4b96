import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db, sqliteConnection } from "@/db/client";
import { session } from "@/db/schema";
import { createTeamWithOwner } from "./members";
import { liveSession } from "./teams";

// createContext trusts better-auth's cookie cache only as far as this check allows: the session
// row must still exist, belong to the user and be unexpired, and it names the active team.
let db: Db;
let team: Awaited<ReturnType<typeof createTeamWithOwner>>;
const now = new Date("2026-06-01T12:00:00Z");

beforeAll(async () => {
  db = await openDatabase(":memory:");
  team = await createTeamWithOwner(db, { name: "Session Co", ownerEmail: "owner@session.test", ownerPassword: "session-pass-1" });
  await db.insert(session).values({ id: "s1", token: "t1", userId: team.owner.id, expiresAt: new Date(now.getTime() + 60_000), activeOrganizationId: team.id }).run();
  await db.insert(session).values({ id: "s2", token: "t2", userId: team.owner.id, expiresAt: new Date(now.getTime() - 1) }).run();
});
afterAll(() => db.$close());

describe("liveSession", () => {
  it("gives the active team of a live session", async () => {
    expect(await liveSession(db, "s1", team.owner.id, now)).toEqual({ activeTeamId: team.id });
  });

  it("refuses an expired session, another user's, and one that was deleted (signed out)", async () => {
    expect(await liveSession(db, "s2", team.owner.id, now)).toBeNull();
    expect(await liveSession(db, "s1", "someone-else", now)).toBeNull();
    sqliteConnection(db).prepare("DELETE FROM session WHERE id = 's1'").run();
    expect(await liveSession(db, "s1", team.owner.id, now)).toBeNull();
  });
});
