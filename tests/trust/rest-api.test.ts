import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { createApiKey, revokeApiKey } from "@/server/services/api-keys";
import { freshDatabase } from "./databases";
import { startServer, stopServer, trustPort, type RunningServer } from "./server";
import { prepareTeam } from "./team";

// The REST API (/api/v1, issue 14) over real HTTP against the production server: server/serve.ts
// hands /api/v1 to Next's route handlers. Two teams, keys made through the service as the
// Integrations page and the CLI make them.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-rest-"));
let server: RunningServer;
let keys: { manager: string; rep: string; revoked: string; other: string; burst: string };
let repEmail = "";

beforeAll(async () => {
  const dbFile = await freshDatabase(dir, "rest");
  const a = await prepareTeam(dbFile, 2, { name: "Alpha Rest", domain: "alpha.test" });
  await prepareTeam(dbFile, 1, { name: "Beta Rest", domain: "beta.test" });
  repEmail = a.emails[0];
  const db = await openDatabase(dbFile);
  const owners = await db.all<{ user_id: string; organization_id: string }>(
    sql`select m.user_id, m.organization_id from member m join "user" u on u.id = m.user_id where m.role = 'owner' order by u.email`,
  );
  const [alpha, beta] = owners.map((o) => ({ userId: o.user_id, teamId: o.organization_id, role: "owner" as const }));
  const make = async (actor: typeof alpha, role: "rep" | "manager", name: string) => (await createApiKey(db, actor, { name, role })).key;
  keys = { manager: await make(alpha, "manager", "CRM"), rep: await make(alpha, "rep", "Owner dialer"), revoked: await make(alpha, "manager", "Old"), other: await make(beta, "manager", "Beta CRM"), burst: await make(alpha, "manager", "Burst") };
  await revokeApiKey(db, alpha, { prefix: keys.revoked.slice(0, 12) });
  await db.$close();
  server = await startServer(dbFile, trustPort(3521), { RINGBACK_API_REQUESTS_PER_SECOND: "1" });
});

afterAll(async () => {
  if (server) await stopServer(server);
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (method: string, route: string, key: string | null, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/v1/${route}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });

const dial = (over: Record<string, unknown> = {}) => ({
  time: "2025-03-03T14:00:00Z",
  rep_email: repEmail,
  prospect_phone: "(212) 555-0190",
  prospect_name: "Dana Whitfield",
  outcome: "left voicemail",
  script: "Trust script",
  ...over,
});

describe("POST /api/v1/dials and /callbacks", () => {
  it("logs a dial (201 with its attempt number) and credits a callback to it", async () => {
    const first = await call("POST", "dials", keys.manager, dial());
    expect(first.status).toBe(201);
    expect(first.headers.get("content-type")).toContain("application/json");
    expect(await first.json()).toMatchObject({ id: expect.any(Number), attempt_number: 1, outcome: "voicemail", rep_email: repEmail, script: "Trust script", prospect: { phone: "+12125550190" } });
    const cb = await call("POST", "callbacks", keys.manager, { time: "2025-03-03T15:00:00Z", prospect_phone: "212.555.0190", result: "interested" });
    expect(cb.status).toBe(201);
    expect(await cb.json()).toMatchObject({ credited_to: { rep_email: repEmail, script: "Trust script", voicemail_number: 1 } });
    const board = await call("GET", "leaderboard?by=script&from=2025-03-01&to=2025-03-31", keys.manager);
    expect(board.status).toBe(200);
    expect((await board.json()).rows).toEqual([expect.objectContaining({ by: "script", key: "Trust script", voicemails: 1, returned: 1, rate: 1, ranked: false, rank: null })]);
  });

  it("answers a retry with the same Idempotency-Key, even two at once, with the first answer", async () => {
    const body = dial({ time: "2025-03-04T14:00:00Z" });
    const [r1, r2] = await Promise.all([1, 2].map(() => call("POST", "dials", keys.manager, body, { "idempotency-key": "dialer-8841" })));
    expect([r1.status, r2.status]).toEqual([201, 201]);
    const [b1, b2] = [await r1.json(), await r2.json()];
    expect(b2).toEqual(b1);
    const again = await call("POST", "dials", keys.manager, body, { "idempotency-key": "dialer-8841" });
    expect(await again.json()).toEqual(b1);
  });

  it("refuses a rep key another rep's dial with a 403 problem, and names an unknown rep (422, field rep_email)", async () => {
    const refused = await call("POST", "dials", keys.rep, dial({ time: "2025-03-05T14:00:00Z" }));
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({ type: "about:blank", title: "Forbidden", status: 403 });
    const unknown = await call("POST", "dials", keys.manager, dial({ rep_email: "nobody@alpha.test" }));
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors).toEqual([{ field: "rep_email", message: expect.any(String) }]);
    const bad = await call("POST", "dials", keys.manager, dial({ outcome: "maybe", message_seconds: 0 }));
    expect((await bad.json()).errors.map((e: { field: string }) => e.field).sort()).toEqual(["message_seconds", "outcome"]);
  });

  it("keeps team B's key out of team A: A's rep is unknown to it and A's board is not its board", async () => {
    const cross = await call("POST", "dials", keys.other, dial());
    expect(cross.status).toBe(422);
    const board = await (await call("GET", "leaderboard?by=rep", keys.other)).json();
    expect(JSON.stringify(board)).not.toContain("alpha.test");
    expect(board.rows).toEqual([]);
  });

  it("answers 401 with WWW-Authenticate without a key, with a wrong one and with a revoked one", async () => {
    for (const key of [null, "rbk_not-a-real-key", keys.revoked]) {
      const response = await call("POST", "dials", key, dial());
      expect(response.status, String(key)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer realm="ringback"/);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("refuses a body that is not JSON (415, 400) or too large (413)", async () => {
    expect((await call("POST", "dials", keys.manager, "x=1", { "content-type": "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await call("POST", "dials", keys.manager, "{not json")).status).toBe(400);
    const big = await call("POST", "dials", keys.manager, JSON.stringify(dial({ notes: "x".repeat(1_100_000) })));
    expect(big.status).toBe(413);
    expect(big.headers.get("content-type")).toBe("application/problem+json");
    expect(await big.json()).toMatchObject({ status: 413, title: "Payload Too Large" });
  });

  it("limits each key: past its burst a 429 problem with Retry-After", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 70 && !retryAfter; i++) {
      const response = await call("POST", "dials", keys.burst, {});
      statuses.push(response.status);
      if (response.status === 429) retryAfter = response.headers.get("retry-after");
    }
    expect(statuses.slice(0, 60).every((s) => s === 422)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another key is not held back by this one's burst.
    expect((await call("GET", "leaderboard?by=rep", keys.manager)).status).toBe(200);
  });
});

describe("GET /api/v1/openapi.json", () => {
  it("is an OpenAPI 3.1 document, served without a key, holding the dial body's fields", async () => {
    const response = await fetch(`${server.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(["/dials", "/callbacks", "/leaderboard"]);
    const dialBody = doc.components.schemas.DialBody;
    expect(Object.keys(dialBody.properties)).toEqual(["time", "rep_email", "prospect_phone", "prospect_name", "prospect_company", "outcome", "script", "message_seconds", "notes", "external_id"]);
    expect(dialBody.required).toEqual(["rep_email", "prospect_phone", "outcome"]);
    expect(doc.components.schemas.CallbackBody.required).toEqual(["prospect_phone"]);
  });
});
