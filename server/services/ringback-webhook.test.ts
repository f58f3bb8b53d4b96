import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as ringbackRoute } from "@/app/api/v1/webhooks/ringback/[id]/route";
import { getDb, type Db } from "@/db/client";
import { ringbackSignatureHeader } from "@/server/domain/webhook-signatures";
import { makeTeam, type TeamMember, type TestTeam } from "@/tests/support/fixtures";
import { freshPostgresDatabase } from "@/tests/support/postgres-databases";
import { databaseDigest } from "@/tests/support/trust";

// The generic signed webhook, called as the route handler it is with real Requests on the
// process-wide database: the REST API's bodies, Stripe-style signatures computed here.

process.env.BETTER_AUTH_URL = "https://ringback.example";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-generic-hook-"));

let db: Db;
let team: TestTeam;
let rep: TeamMember;
let hookId: string;
let secret: string;
let otherHook: { id: string; secret: string };

async function post(id: string, body: unknown, { key = secret, at = Math.floor(Date.now() / 1000), header }: { key?: string; at?: number; header?: string | null } = {}) {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const signature = header === undefined ? ringbackSignatureHeader(key, at, text) : header;
  if (signature !== null) headers["x-ringback-signature"] = signature;
  const response = await ringbackRoute(new Request(`http://10.0.0.5:3000/api/v1/webhooks/ringback/${id}`, { method: "POST", headers, body: text }), { params: Promise.resolve({ id }) });
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

const dials = async () => Number((await db.get<{ n: number }>(sql`select count(*) as n from attempt`))!.n);

beforeAll(async () => {
  process.env.DATABASE_URL = process.env.RINGBACK_TEST_POSTGRES ? await freshPostgresDatabase(process.env.RINGBACK_TEST_POSTGRES) : path.join(dir, "ringback.db");
  db = await getDb();
  team = await makeTeam(db, "Generic");
  const manager = await team.join("manager", "Mia Manager");
  rep = await team.join("rep", "Maya Lopez");
  await team.owner.caller.scripts.create({ title: "Short one", stage: "first-touch", body: "Hi {prospect.firstName}." });
  const made = await manager.caller.integrations.create({ provider: "ringback", name: "Our dialer" });
  hookId = made.id;
  secret = made.secret!;
  const other = await makeTeam(db, "Elsewhere");
  const theirs = await other.owner.caller.integrations.create({ provider: "ringback", name: "Their dialer" });
  otherHook = { id: theirs.id, secret: theirs.secret! };
});

describe("the generic signed webhook", () => {
  const dial = { rep_email: "", prospect_phone: "212-555-0190", prospect_name: "Dana Whitfield", outcome: "Left voicemail", script: "short one", message_seconds: 24, external_id: "dialer-881" };

  it("logs a signed dial as POST /api/v1/dials would, and a redelivery answers the first dial", async () => {
    const body = { ...dial, rep_email: rep.user.email };
    const first = await post(hookId, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ attempt_number: 1, outcome: "voicemail", rep_email: rep.user.email, script: "Short one", external_id: "dialer-881" });
    const again = await post(hookId, body);
    expect(again).toEqual(first);
    expect(await dials()).toBe(1);
  });

  it("credits a signed callback to the voicemail that caused it", async () => {
    const answer = await post(hookId, { prospect_phone: "(212) 555-0190", result: "meeting booked", external_id: "dialer-cb-1" });
    expect(answer.status).toBe(201);
    expect(answer.body.credited_to).toMatchObject({ rep_email: rep.user.email, script: "Short one", voicemail_number: 1 });
  });

  it("refuses a missing, wrong, stale or other team's signature with 401 and writes nothing", async () => {
    const before = await databaseDigest(db);
    const body = { ...dial, rep_email: rep.user.email, external_id: "dialer-forged" };
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    for (const options of [{ header: null }, { key: "not-the-secret" }, { at: sixMinutesAgo }, { key: otherHook.secret }, { header: "t=abc,v1=zz" }]) {
      const answer = await post(hookId, body, options);
      expect(answer.status, JSON.stringify(options)).toBe(401);
      expect(answer.type).toBe("application/problem+json");
    }
    // Team B's URL with team B's secret writes into team B only: A's rep is nobody there.
    const crossed = await post(otherHook.id, body, { key: otherHook.secret });
    expect(crossed.status).toBe(422);
    expect(crossed.body.errors).toEqual([expect.objectContaining({ field: "rep_email" })]);
    expect(await databaseDigest(db)).toEqual(before);
  });

  it("names the offending field of a signed but invalid body, and 404s an unknown URL", async () => {
    const bad = await post(hookId, { ...dial, rep_email: rep.user.email, outcome: "teleported", external_id: "dialer-bad" });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: "outcome" })]);
    expect((await post("no-such-integration", dial)).status).toBe(404);
  });
});
