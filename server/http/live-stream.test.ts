import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { GET as liveRoute } from "@/app/api/live/route";
import { getDb, type Db } from "@/db/client";
import { STREAMS_PER_VIEWER } from "@/server/http/live-stream";
import { makeTeam, type TestTeam } from "@/tests/support/fixtures";
import { givePassword, signIn } from "@/tests/support/signed-in";

// The live boards' stream (app/api/live): the route handler called with a Request carrying a
// real better-auth session cookie, on the process-wide database the route opens (a temp file).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-live-stream-"));
process.env.DATABASE_URL = path.join(dir, "ringback.db");
process.env.BETTER_AUTH_SECRET = "live-stream-test-secret-0123456789abcdef";
process.env.BETTER_AUTH_URL = "http://localhost:3232";

let db: Db;
let team: TestTeam;
let other: TestTeam;
let cookie = "";
let scriptId = 0;

beforeAll(async () => {
  db = await getDb();
  team = await makeTeam(db, "Live Stream");
  other = await makeTeam(db, "Other Stream");
  await givePassword(db, team.owner.user.id);
  cookie = await signIn(team.owner.user.email);
  scriptId = (await team.owner.caller.scripts.create({ title: "Last try", stage: "last-try", body: "Hi {prospect.firstName}." })).id;
});

afterAll(async () => {
  await db.$close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(withCookie: string | null) {
  const abort = new AbortController();
  const request = new Request("http://localhost:3232/api/live", { headers: withCookie ? { cookie: withCookie } : {}, signal: abort.signal });
  return { response: liveRoute(request), close: () => abort.abort() };
}

/** Reads the stream until `pattern` shows up in it, or fails after `ms`. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, pattern: RegExp, ms: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  const deadline = Date.now() + ms;
  while (!pattern.test(text)) {
    const left = deadline - Date.now();
    if (left <= 0) throw new Error(`no ${pattern} within ${ms} ms; got ${JSON.stringify(text)}`);
    const chunk = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
    if (chunk === null) continue;
    if (chunk.done) throw new Error(`stream ended; got ${JSON.stringify(text)}`);
    text += decoder.decode(chunk.value);
  }
  return text;
}

describe("GET /api/live", () => {
  it("refuses a request without a session, and one with a forged cookie", async () => {
    for (const withCookie of [null, "better-auth.session_token=forged.value"]) {
      const response = await open(withCookie).response;
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).not.toMatch(/event-stream/);
    }
  });

  it("streams a change event within 2 s of a dial, and then a callback, and nothing for another team's writes", async () => {
    const stream = open(cookie);
    onTestFinished(stream.close);
    const response = await stream.response;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toMatch(/no-transform/);
    const reader = response.body!.getReader();
    await readUntil(reader, /event: ready/, 2000);

    await other.owner.caller.attempts.log({ prospect: { name: "Elsewhere Prospect", phone: "516-541-0001" }, outcome: "no-message" });
    const dial = await team.owner.caller.attempts.log({ prospect: { name: "Dana Whitfield", phone: "516-541-8160" }, outcome: "voicemail", scriptId });
    const first = await readUntil(reader, /event: change\ndata: .*\n\n/, 2000);
    expect(JSON.parse(/data: (.*)\n\n/.exec(first.slice(first.indexOf("event: change")))![1])).toMatchObject({ kinds: ["dial"] });

    await team.owner.caller.callbacks.log({ prospect: { id: dial.prospectId }, result: "interested" });
    const second = await readUntil(reader, /event: change\ndata: .*\n\n/, 2000);
    expect(JSON.parse(/data: (.*)\n\n/.exec(second)![1])).toMatchObject({ kinds: ["dial", "callback"] });
  });

  it(`lets one viewer keep ${STREAMS_PER_VIEWER} streams open, refuses one more with a 429, and frees a place when one closes`, async () => {
    const streams = Array.from({ length: STREAMS_PER_VIEWER }, () => open(cookie));
    onTestFinished(() => streams.forEach((s) => s.close()));
    for (const s of streams) expect((await s.response).status).toBe(200);
    const extra = await open(cookie).response;
    expect(extra.status).toBe(429);
    expect(extra.headers.get("retry-after")).toBeTruthy();
    streams[0].close();
    const again = open(cookie);
    expect((await again.response).status).toBe(200);
    again.close();
  });
});
