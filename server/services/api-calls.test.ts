import { eq, sql } from "drizzle-orm";
import { ZodError } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { attempt, callback } from "@/db/schema";
import { makeTeam, openTestDatabase, type TeamMember, type TestTeam } from "@/tests/support/fixtures";
import type { Actor } from "./actor";
import { recordApiCallback, recordApiDial } from "./api-calls";
import { authenticateApiKey } from "./api-keys";
import { Forbidden, InvalidField } from "./errors";
import { apiLeaderboard, leaderboardCsv } from "./leaderboard-csv";

let db: Db;
let team: TestTeam;
let rep: TeamMember;
let manager: Actor;
let repKey: Actor;
let other: TestTeam;
let otherKey: Actor;

const keyActor = async (key: string) => {
  const actor = (await authenticateApiKey(db, key))!;
  return { userId: actor.userId, teamId: actor.teamId, role: actor.role };
};

beforeAll(async () => {
  db = await openTestDatabase();
  team = await makeTeam(db, "Api Team");
  rep = await team.join("rep", "Rhea Apirep");
  const mgr = await team.join("manager", "Manny Apimanager");
  await team.owner.caller.scripts.create({ title: "Last Try", stage: "last-try", body: "Last try, {prospect.firstName}." });
  manager = await keyActor((await mgr.caller.apiKeys.create({ name: "CRM", role: "manager" })).key);
  repKey = await keyActor((await team.owner.caller.apiKeys.create({ name: "Owner's dialer", role: "rep" })).key);
  other = await makeTeam(db, "Other Api Team");
  otherKey = await keyActor((await other.owner.caller.apiKeys.create({ name: "Other", role: "manager" })).key);
});

const dial = (over: Record<string, unknown> = {}) => ({
  time: "2025-03-03T14:00:00Z",
  rep_email: rep.user.email,
  prospect_phone: "(212) 555-0190",
  prospect_name: "Dana Whitfield",
  prospect_company: "Whitfield & Co",
  outcome: "Left Voicemail",
  script: "last try",
  message_seconds: 24,
  ...over,
});

describe("POST /api/v1/dials (recordApiDial)", () => {
  it("logs a dial for any member with a manager key, reading the CRM spelling, the phone and the script title", async () => {
    const answer = await recordApiDial(db, manager, dial());
    expect(answer).toEqual({
      id: expect.any(Number),
      attempt_number: 1,
      time: "2025-03-03T14:00:00.000Z",
      outcome: "voicemail",
      rep_email: rep.user.email,
      prospect: { id: expect.any(Number), name: "Dana Whitfield", phone: "+12125550190" },
      script: "Last Try",
      external_id: null,
    });
    const second = await recordApiDial(db, manager, dial({ time: "2025-03-04T14:00:00Z", prospect_phone: "+1 212 555 0190", outcome: "vm-left" }));
    expect(second).toMatchObject({ attempt_number: 2, prospect: { id: answer.prospect.id } });
    const connected = await recordApiDial(db, manager, dial({ time: "2025-03-05T14:00:00Z", outcome: "answered", script: undefined }));
    expect(connected).toMatchObject({ attempt_number: null, outcome: "connected", script: null });
  });

  it("returns the first answer for a retry with the same external_id or Idempotency-Key, also for two at once", async () => {
    const body = dial({ time: "2025-03-06T14:00:00Z", external_id: "crm-call-77" });
    const [a, b] = await Promise.all([recordApiDial(db, manager, body), recordApiDial(db, manager, body)]);
    expect(b).toEqual(a);
    expect(a.external_id).toBe("crm-call-77");
    expect(await recordApiDial(db, manager, body)).toEqual(a);
    const keyed = dial({ time: "2025-03-07T14:00:00Z" });
    const [k1, k2] = await Promise.all([recordApiDial(db, manager, keyed, { idempotencyKey: "req-1" }), recordApiDial(db, manager, keyed, { idempotencyKey: "req-1" })]);
    expect(k2).toEqual(k1);
    const stored = await db.select({ id: attempt.id }).from(attempt).where(sql`${attempt.source} = 'api' and ${attempt.sourceCallId} in ('ext:crm-call-77', 'key:req-1')`).all();
    expect(stored.map((r) => r.id).sort()).toEqual([a.id, k1.id].sort());
  });

  it("refuses a rep key another rep's dial (Forbidden) and takes its own", async () => {
    await expect(recordApiDial(db, repKey, dial({ time: "2025-03-08T14:00:00Z" }))).rejects.toBeInstanceOf(Forbidden);
    const own = await recordApiDial(db, repKey, dial({ time: "2025-03-08T14:00:00Z", rep_email: team.owner.user.email }));
    expect(own.rep_email).toBe(team.owner.user.email);
  });

  it("names the offending field: an unknown rep, an unknown script, a voicemail without one, a future time, a bad spelling", async () => {
    const field = (call: Promise<unknown>) =>
      call.then(
        () => "accepted",
        (e: unknown) => (e instanceof InvalidField ? e.field : e instanceof ZodError ? e.issues.map((i) => i.path.join(".")).join(",") : String(e)),
      );
    expect(await field(recordApiDial(db, manager, dial({ rep_email: "nobody@example.test" })))).toBe("rep_email");
    expect(await field(recordApiDial(db, manager, dial({ script: "No Such Script" })))).toBe("script");
    expect(await field(recordApiDial(db, manager, dial({ script: undefined })))).toBe("script");
    expect(await field(recordApiDial(db, manager, dial({ time: new Date(Date.now() + 3_600_000).toISOString() })))).toBe("time");
    expect(await field(recordApiDial(db, manager, dial({ outcome: "constructor" })))).toBe("outcome");
    expect(await field(recordApiDial(db, manager, dial({ prospect_phone: "not a phone" })))).toBe("prospect_phone");
  });

  it("keeps a key of another team out: A's member is unknown to it, and A's prospect's phone makes its own prospect", async () => {
    await expect(recordApiDial(db, otherKey, dial())).rejects.toMatchObject({ field: "rep_email" });
    const own = await recordApiDial(db, otherKey, dial({ rep_email: other.owner.user.email, script: undefined, outcome: "no answer", time: "2025-03-09T14:00:00Z" }));
    const mine = (await db.select({ teamId: attempt.teamId }).from(attempt).where(eq(attempt.id, own.id)).get())!;
    expect(mine.teamId).toBe(other.id);
    expect(own.prospect.name).toBe("Dana Whitfield");
    const board = await apiLeaderboard(db, otherKey, { by: "rep" });
    expect(JSON.stringify(board)).not.toContain(rep.user.email);
  });
});

describe("POST /api/v1/callbacks (recordApiCallback)", () => {
  it("credits a callback to the prospect's latest voicemail by attribution", async () => {
    const answer = await recordApiCallback(db, manager, { time: "2025-03-04T15:00:00Z", prospect_phone: "212-555-0190", result: "Meeting booked" });
    expect(answer).toMatchObject({ result: "appointment", credited_to: { rep_email: rep.user.email, script: "Last Try", voicemail_number: 2 } });
    expect(answer).not.toHaveProperty("reason");
  });

  it("says why nothing was credited, and a retry returns the first answer", async () => {
    const body = { time: "2025-03-04T15:00:00Z", prospect_phone: "646-555-0111", external_id: "inbound-9" };
    const answer = await recordApiCallback(db, manager, body);
    expect(answer).toMatchObject({ credited_to: null, reason: "no-voicemail-before", result: "other", external_id: "inbound-9" });
    expect(await recordApiCallback(db, manager, body)).toEqual(answer);
    expect((await db.select({ n: sql<number>`count(*)` }).from(callback).where(eq(callback.sourceCallId, "ext:inbound-9")).get())!.n).toBe(1);
  });
});

describe("GET /api/v1/leaderboard (apiLeaderboard)", () => {
  it("has the leaderboard CSV's columns and values, as JSON", async () => {
    const json = await apiLeaderboard(db, manager, { by: "script", from: "2025-03-01", to: "2025-03-31" });
    const csv = await leaderboardCsv(db, manager, { by: "script", range: "custom", from: "2025-03-01", to: "2025-03-31" });
    const [header, ...lines] = csv.trim().split(/\r?\n/);
    expect(Object.keys(json.rows[0])).toEqual(header.replace(/"/g, "").split(","));
    expect(json.rows[0]).toMatchObject({ by: "script", key: "Last Try", voicemails: lines.length ? expect.any(Number) : 0, ranked: false, rank: null });
    const cells = lines[0].split(",").map((c) => c.replace(/"/g, ""));
    expect(Object.values(json.rows[0]).map((v) => (v === null ? "" : String(v)))).toEqual(cells.map((c) => (/^\d+\.\d+$/.test(c) ? String(Number(c)) : c)));
    await expect(apiLeaderboard(db, manager, { by: "version" })).rejects.toBeInstanceOf(ZodError);
  });
});
