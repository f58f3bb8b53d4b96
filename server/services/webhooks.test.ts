import { createHmac } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as aircallRoute } from "@/app/api/v1/webhooks/aircall/[id]/route";
import { POST as twilioRoute } from "@/app/api/v1/webhooks/twilio/[id]/route";
import { getDb, type Db } from "@/db/client";
import { codeOf, makeTeam, rowCounts, type TeamMember, type TestTeam } from "@/tests/support/fixtures";
import { freshPostgresDatabase } from "@/tests/support/postgres-databases";
import { databaseDigest, teamDigest } from "@/tests/support/trust";

// The telephony webhook receivers, called as the route handlers they are with real Requests, on
// the process-wide database (a temp SQLite file, or a fresh PostgreSQL database in the PostgreSQL
// run). Payloads follow the providers' documented shapes; signatures are computed here by hand
// (HMAC-SHA1 over URL + sorted name/value pairs, as twilio.com/docs/usage/security says).

const PUBLIC_ORIGIN = "https://ringback.example";
// The address this process is reached at behind the proxy: Twilio signed the public URL, not this.
const INTERNAL_ORIGIN = "http://10.0.0.5:3000";
process.env.BETTER_AUTH_URL = PUBLIC_ORIGIN;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-webhooks-"));

const TWILIO_TOKEN = "twilio-auth-token-0123456789abcdef";
const AIRCALL_TOKEN = "aircall-webhook-token-45XXYYZZa08";
const REP_PHONE = "+15165550100";
const AIRCALL_LINE = "+15165550199";

let db: Db;
let team: TestTeam;
let rep: TeamMember;
let manager: TeamMember;
let twilioId: string;
let aircallId: string;
let scriptId: number;

const sign = (token: string, url: string, params: [string, string][]) =>
  createHmac("sha1", token)
    .update(url + [...params].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, v]) => n + v).join(""))
    .digest("base64");

/** A Twilio status callback for a completed outbound call, as Twilio posts it. */
const statusCallback = (sid: string, to: string, ended: string, overrides: Record<string, string> = {}): [string, string][] =>
  Object.entries({
    AccountSid: "AC0000000000000000000000000000000a",
    ApiVersion: "2010-04-01",
    CallSid: sid,
    CallStatus: "completed",
    CallDuration: "26",
    Direction: "outbound-api",
    From: REP_PHONE,
    To: to,
    AnsweredBy: "machine_end_beep",
    Timestamp: ended,
    CallbackSource: "call-progress-events",
    SequenceNumber: "3",
    ...overrides,
  });

async function postTwilio(id: string, params: [string, string][], { token = TWILIO_TOKEN, signature }: { token?: string; signature?: string } = {}) {
  const signed = signature ?? sign(token, `${PUBLIC_ORIGIN}/api/v1/webhooks/twilio/${id}`, params);
  const request = new Request(`${INTERNAL_ORIGIN}/api/v1/webhooks/twilio/${id}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signed },
    body: new URLSearchParams(params).toString(),
  });
  const response = await twilioRoute(request, { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.json() };
}

/** An Aircall call.ended event (developer.aircall.io: {event, resource, timestamp, token, data}). */
const callEnded = (data: Record<string, unknown>, token = AIRCALL_TOKEN, event = "call.ended") => ({
  event,
  resource: "call",
  timestamp: 1741014100,
  token,
  data: {
    id: 1480001,
    direct_link: "https://api.aircall.io/v1/calls/1480001",
    status: "done",
    duration: 40,
    archived: false,
    number: { id: 77, digits: AIRCALL_LINE, name: "Sales US" },
    comments: [],
    tags: [],
    ...data,
  },
});

async function postAircall(id: string, event: unknown) {
  const request = new Request(`${INTERNAL_ORIGIN}/api/v1/webhooks/aircall/${id}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(event) });
  const response = await aircallRoute(request, { params: Promise.resolve({ id }) });
  return { status: response.status, body: await response.json() };
}

const count = async (table: "attempt" | "callback") => Number((await db.get<{ n: number }>(sql.raw(`select count(*) as n from "${table}"`)))!.n);

beforeAll(async () => {
  process.env.DATABASE_URL = process.env.RINGBACK_TEST_POSTGRES ? await freshPostgresDatabase(process.env.RINGBACK_TEST_POSTGRES) : path.join(dir, "ringback.db");
  db = await getDb();
  team = await makeTeam(db, "Hooks");
  manager = await team.join("manager", "Mia Manager");
  rep = await team.join("rep", "Maya Lopez");
  await rep.caller.profile.update({ name: "Maya Lopez", phone: REP_PHONE, wordsPerMinute: null });
  twilioId = (await manager.caller.integrations.create({ provider: "twilio", name: "Twilio main", secret: TWILIO_TOKEN })).id;
  aircallId = (await manager.caller.integrations.create({ provider: "aircall", name: "Aircall", secret: AIRCALL_TOKEN })).id;
  scriptId = (await team.owner.caller.scripts.create({ title: "Short one", stage: "first-touch", body: "Hi {prospect.firstName}." })).id;
});

afterAll(async () => {
  await db.$close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Twilio status callbacks", () => {
  it("makes a correctly signed outbound voicemail one dial of the member whose phone called, with its attempt number", async () => {
    const first = await postTwilio(twilioId, statusCallback("CA1001", "+15165418160", "Mon, 03 Mar 2025 14:00:27 +0000"));
    expect(first).toMatchObject({ status: 200, body: { result: "dial", outcome: "voicemail", voicemail_number: 1, repeat: false, merged: false } });
    const second = await postTwilio(twilioId, statusCallback("CA1002", "+15165418160", "Tue, 04 Mar 2025 14:00:27 +0000"));
    expect(second).toMatchObject({ status: 200, body: { result: "dial", outcome: "voicemail", voicemail_number: 2 } });
    const dial = await db.get<{ rep_id: string; source: string; at: number; message_seconds: number | null }>(sql`select rep_id, source, at, message_seconds from attempt where id = ${first.body.dial_id}`);
    // Started CallDuration (26 s) before the Timestamp of the completed event.
    expect(dial).toMatchObject({ rep_id: rep.user.id, source: "twilio", message_seconds: 26 });
    expect(Number(dial!.at)).toBe(Date.parse("2025-03-03T14:00:01Z"));
  });

  it("changes nothing when the same CallSid comes again: 200 and the same dial", async () => {
    const params = statusCallback("CA1003", "+15165418161", "Mon, 03 Mar 2025 15:00:27 +0000");
    const first = await postTwilio(twilioId, params);
    const before = await databaseDigest(db);
    const again = await postTwilio(twilioId, params);
    expect(again).toEqual({ status: 200, body: { ...first.body, repeat: true } });
    const after = await databaseDigest(db);
    expect({ ...after, integration: before.integration }).toEqual(before);
  });

  const publicUrl = () => `${PUBLIC_ORIGIN}/api/v1/webhooks/twilio/${twilioId}`;
  it.each<[string, (params: [string, string][]) => string]>([
    ["signed with another token", (params) => sign("someone-elses-token", publicUrl(), params)],
    ["signed over the internal URL the proxy forwarded to", (params) => sign(TWILIO_TOKEN, `${INTERNAL_ORIGIN}/api/v1/webhooks/twilio/${twilioId}`, params)],
    ["without a signature", () => ""],
  ])("answers a status callback %s 401 and writes nothing", async (_, signatureOf) => {
    const params = statusCallback("CA1999", "+15165418169", "Mon, 03 Mar 2025 16:00:27 +0000");
    const before = await databaseDigest(db);
    expect((await postTwilio(twilioId, params, { signature: signatureOf(params) })).status).toBe(401);
    expect(await databaseDigest(db)).toEqual(before);
  });

  it("refuses a parameter changed after signing", async () => {
    const params = statusCallback("CA1998", "+15165418168", "Mon, 03 Mar 2025 16:00:27 +0000");
    const signature = sign(TWILIO_TOKEN, `${PUBLIC_ORIGIN}/api/v1/webhooks/twilio/${twilioId}`, params);
    const tampered = params.map(([n, v]): [string, string] => [n, n === "To" ? "+15165418000" : v]);
    const before = await rowCounts(db);
    expect((await postTwilio(twilioId, tampered, { signature })).status).toBe(401);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("ignores, with a reason, a call still ringing and a call from a number that is no member's", async () => {
    const before = await rowCounts(db);
    expect(await postTwilio(twilioId, statusCallback("CA1004", "+15165418162", "Mon, 03 Mar 2025 14:00:00 +0000", { CallStatus: "ringing", AnsweredBy: "", CallDuration: "" }))).toMatchObject({
      status: 200,
      body: { result: "ignored", reason: expect.stringContaining("not a completed call") },
    });
    expect(await postTwilio(twilioId, statusCallback("CA1005", "+15165418162", "Mon, 03 Mar 2025 14:00:27 +0000", { From: "+15165559999" }))).toMatchObject({
      status: 200,
      body: { result: "ignored", reason: expect.stringContaining("+15165559999") },
    });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("merges an event for a dial the rep logged by hand (same prospect, same rep, within 2 minutes) instead of doubling it", async () => {
    const typed = await rep.caller.attempts.log({ prospect: { name: "Dana Whitfield", phone: "+15165418170", company: "Whitfield Co" }, outcome: "voicemail", scriptId, at: new Date("2025-03-05T14:01:10Z") });
    const dials = await count("attempt");
    const answer = await postTwilio(twilioId, statusCallback("CA1006", "+15165418170", "Wed, 05 Mar 2025 14:00:27 +0000"));
    expect(answer).toMatchObject({ status: 200, body: { result: "dial", dial_id: typed.id, merged: true, repeat: true } });
    expect(await count("attempt")).toBe(dials);
    expect(Number((await db.get<{ n: number }>(sql`select count(*) as n from attempt where prospect_id = ${typed.prospectId}`))!.n)).toBe(1);
  });

  it("answers 404 for an unknown id, another provider's id and a revoked integration, writing nothing", async () => {
    const revoked = (await manager.caller.integrations.create({ provider: "twilio", name: "Old Twilio", secret: TWILIO_TOKEN })).id;
    await manager.caller.integrations.revoke({ id: revoked });
    const params = statusCallback("CA1007", "+15165418163", "Mon, 03 Mar 2025 14:00:27 +0000");
    const before = await rowCounts(db);
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", aircallId, revoked]) expect((await postTwilio(id, params)).status).toBe(404);
    expect(await rowCounts(db)).toEqual(before);
  });

  it("records when the integration last heard from Twilio", async () => {
    const [row] = (await manager.caller.integrations.list()).filter((i) => i.id === twilioId);
    expect(row.lastEventAt).toBeInstanceOf(Date);
  });

  it("refuses a body larger than the webhook limit with 413", async () => {
    const huge = statusCallback("CA1008", "+15165418164", "Mon, 03 Mar 2025 14:00:27 +0000", { Padding: "x".repeat(300_000) });
    expect((await postTwilio(twilioId, huge)).status).toBe(413);
  });
});

describe("Aircall call.ended", () => {
  it("makes an outbound call a dial of the user named by e-mail (not answered: no message)", async () => {
    const answer = await postAircall(
      aircallId,
      callEnded({ id: 2480001, direction: "outbound", started_at: 1741014000, answered_at: null, ended_at: 1741014030, raw_digits: "+1 516-541-8180", user: { id: 9, name: "Maya Lopez", email: rep.user.email } }),
    );
    expect(answer).toMatchObject({ status: 200, body: { result: "dial", outcome: "no-message", repeat: false } });
    const dial = await db.get<{ rep_id: string; source: string; source_call_id: string }>(sql`select rep_id, source, source_call_id from attempt where id = ${answer.body.dial_id}`);
    expect(dial).toEqual({ rep_id: rep.user.id, source: "aircall", source_call_id: "2480001" });
  });

  it("credits an inbound call that left a voicemail, from a prospect, to the voicemail that caused it", async () => {
    const voicemail = await postTwilio(twilioId, statusCallback("CA2001", "+15165418190", "Mon, 03 Mar 2025 18:00:27 +0000"));
    const callbacks = await count("callback");
    const answer = await postAircall(
      aircallId,
      callEnded({
        id: 2480002,
        direction: "inbound",
        started_at: Date.parse("2025-03-03T19:30:00Z") / 1000,
        answered_at: null,
        ended_at: Date.parse("2025-03-03T19:30:40Z") / 1000,
        raw_digits: "+1 516-541-8190",
        user: null,
        voicemail: "https://assets.aircall.io/voicemails/2480002.mp3",
      }),
    );
    expect(answer).toMatchObject({ status: 200, body: { result: "callback", credited_dial_id: voicemail.body.dial_id, repeat: false } });
    expect(await count("callback")).toBe(callbacks + 1);
    const dial = await db.get<{ returned_at: number | null }>(sql`select returned_at from attempt where id = ${voicemail.body.dial_id}`);
    expect(Number(dial!.returned_at)).toBe(Date.parse("2025-03-03T19:30:00Z"));
  });

  it("ignores an inbound call from a number that is no prospect's, and events other than call.ended", async () => {
    const before = await rowCounts(db);
    const stranger = callEnded({ id: 2480003, direction: "inbound", started_at: 1741014000, answered_at: 1741014005, ended_at: 1741014060, raw_digits: "+1 516-541-9999", user: null });
    expect(await postAircall(aircallId, stranger)).toMatchObject({ status: 200, body: { result: "ignored", reason: expect.stringContaining("no prospect") } });
    const created = callEnded({ id: 2480004, direction: "outbound", started_at: 1741014000, raw_digits: "+1 516-541-8181", user: null }, AIRCALL_TOKEN, "call.created");
    expect(await postAircall(aircallId, created)).toMatchObject({ status: 200, body: { result: "ignored", reason: "call.created is not call.ended" } });
    expect(await rowCounts(db)).toEqual(before);
  });

  it.each([
    ["another token", callEnded({ id: 2480005, direction: "outbound", started_at: 1741014000, raw_digits: "+15165418182", user: null }, "someone-elses-token")],
    ["no token", { event: "call.ended", data: { id: 2480005 } }],
    ["a body that is not JSON", "event=call.ended"],
  ])("answers an event with %s 401 and writes nothing", async (_, event) => {
    const before = await databaseDigest(db);
    const request = new Request(`${INTERNAL_ORIGIN}/api/v1/webhooks/aircall/${aircallId}`, { method: "POST", body: typeof event === "string" ? event : JSON.stringify(event) });
    expect((await aircallRoute(request, { params: Promise.resolve({ id: aircallId }) })).status).toBe(401);
    expect(await databaseDigest(db)).toEqual(before);
  });

  it("answers a correctly tokened event whose call is not Aircall's shape 400", async () => {
    const bad = callEnded({ id: 2480006, direction: "sideways", started_at: "yesterday" });
    expect((await postAircall(aircallId, bad)).status).toBe(400);
  });
});

describe("team isolation", () => {
  it("lets an integration of team B write nothing into team A, whatever numbers its events name", async () => {
    const other = await makeTeam(db, "Other Team");
    const otherId = (await other.owner.caller.integrations.create({ provider: "twilio", name: "B's Twilio", secret: "team-b-twilio-token" })).id;
    const before = await teamDigest(db, team.id);
    // A's rep's phone calling A's prospect, signed with B's token on B's URL: no member of B has that phone.
    const params = statusCallback("CA3001", "+15165418160", "Thu, 06 Mar 2025 14:00:27 +0000");
    expect(await postTwilio(otherId, params, { token: "team-b-twilio-token" })).toMatchObject({ status: 200, body: { result: "ignored" } });
    // B's URL with A's token, and A's URL with B's token: neither is a valid signature.
    expect((await postTwilio(otherId, params, { token: TWILIO_TOKEN })).status).toBe(401);
    expect((await postTwilio(twilioId, params, { token: "team-b-twilio-token" })).status).toBe(401);
    expect(await teamDigest(db, team.id)).toEqual(before);
  });
});

describe("integration settings", () => {
  it("never lists a secret; the signed webhook's generated secret is shown once, at creation and on rotation", async () => {
    const made = await manager.caller.integrations.create({ provider: "ringback", name: "Our dialer" });
    expect(made.secret).toMatch(/^rbk_whsec_[A-Za-z0-9_-]{43}$/);
    expect(made.url).toBe(`${PUBLIC_ORIGIN}/api/v1/webhooks/ringback/${made.id}`);
    const listed = JSON.stringify(await manager.caller.integrations.list());
    for (const secret of [made.secret!, TWILIO_TOKEN, AIRCALL_TOKEN]) expect(listed).not.toContain(secret);
    const rotated = await manager.caller.integrations.replaceSecret({ id: made.id });
    expect(rotated.secret).toMatch(/^rbk_whsec_/);
    expect(rotated.secret).not.toBe(made.secret);
    expect((await manager.caller.integrations.create({ provider: "twilio", name: "T", secret: "twilio-token-xyz" })).secret).toBeNull();
  });

  it("takes a new pasted Twilio token: the old one signs nothing from then on", async () => {
    const id = (await manager.caller.integrations.create({ provider: "twilio", name: "Rotated", secret: "first-token-abcdef" })).id;
    await manager.caller.integrations.replaceSecret({ id, secret: "second-token-abcdef" });
    const params = statusCallback("CA4001", "+15165418200", "Fri, 07 Mar 2025 14:00:27 +0000");
    expect((await postTwilio(id, params, { token: "first-token-abcdef" })).status).toBe(401);
    expect((await postTwilio(id, params, { token: "second-token-abcdef" })).status).toBe(200);
    expect(await codeOf(manager.caller.integrations.replaceSecret({ id }))).toBe("BAD_REQUEST");
  });

  it("refuses reps, and a revoked integration's secret cannot be replaced", async () => {
    expect(await codeOf(rep.caller.integrations.list())).toBe("FORBIDDEN");
    expect(await codeOf(rep.caller.integrations.create({ provider: "aircall", name: "Mine", secret: "rep-made-token" }))).toBe("FORBIDDEN");
    const id = (await manager.caller.integrations.create({ provider: "aircall", name: "Gone", secret: "gone-token-123" })).id;
    await manager.caller.integrations.revoke({ id });
    expect(await codeOf(manager.caller.integrations.replaceSecret({ id, secret: "new-token-123" }))).toBe("CONFLICT");
  });
});
