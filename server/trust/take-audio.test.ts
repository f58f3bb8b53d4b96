import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as audioRoute } from "@/app/api/takes/[id]/audio/route";
import { POST as uploadRoute } from "@/app/api/takes/route";
import { getDb, type Db } from "@/db/client";
import { TAKE_LIMITS } from "@/lib/inputs/takes";
import { makeUser } from "@/tests/support/fixtures";
import { givePassword, signIn } from "@/tests/support/signed-in";
import { databaseDigest, leakedSecret, teamDigest, twoTeams, type OwnTeam, type VictimTeam } from "@/tests/support/trust";
import { recordedTake } from "@/tests/support/webm-bytes";

// The take routes (app/api/takes, app/api/takes/[id]/audio) are how a voice leaves and enters the
// app outside tRPC, so they get the isolation and role matrices the procedures get, called as
// route handlers with real better-auth session cookies on the process-wide database (a temp file).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-take-audio-"));
process.env.DATABASE_URL = path.join(dir, "ringback.db");
process.env.BETTER_AUTH_SECRET = "take-audio-test-secret-0123456789abcdef";
process.env.BETTER_AUTH_URL = "http://localhost:3232";

const ORIGIN = "http://localhost:3232";
type Who = "ownerA" | "managerA" | "repA" | "ownerB" | "managerB" | "repB" | "noTeam";

let db: Db;
let a: VictimTeam;
let b: OwnTeam;
const cookies = {} as Record<Who, string>;

const listen = async (takeId: number | string, cookie: string | null, query = "") =>
  audioRoute(new Request(`${ORIGIN}/api/takes/${takeId}/audio${query}`, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ id: String(takeId) }) });

const upload = (cookie: string | null, query: string, body: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string> = { "content-type": "audio/webm;codecs=opus" }) =>
  uploadRoute(new Request(`${ORIGIN}/api/takes?${query}`, { method: "POST", headers: { ...headers, ...(cookie ? { cookie } : {}) }, body: Buffer.isBuffer(body) ? new Uint8Array(body) : body, duplex: "half" } as RequestInit));

beforeAll(async () => {
  db = await getDb();
  ({ a, b } = await twoTeams(db));
  const nobody = await makeUser(db, "Nadia Noteam");
  const people = { ownerA: a.team.owner.user, managerA: a.manager.user, repA: a.rep.user, ownerB: b.team.owner.user, managerB: b.manager.user, repB: b.rep.user, noTeam: nobody };
  for (const [who, person] of Object.entries(people)) {
    await givePassword(db, person.id);
    cookies[who as Who] = await signIn(person.email);
  }
});

afterAll(async () => {
  await db.$close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("listening to a take: the role matrix", () => {
  it.each<[string, Who | null, "shared" | "private", number]>([
    ["signed out", null, "shared", 401],
    ["signed in, no team", "noTeam", "shared", 403],
    ["A's rep, who recorded them", "repA", "shared", 200],
    ["A's rep, who recorded them", "repA", "private", 200],
    ["A's manager", "managerA", "shared", 200],
    ["A's owner", "ownerA", "shared", 200],
    ["A's manager, on a take kept private", "managerA", "private", 404],
    ["A's owner, on a take kept private", "ownerA", "private", 404],
  ])("%s on A's %s take: %i", async (_, who, which, status) => {
    const response = await listen(which === "shared" ? a.sharedTakeId : a.privateTakeId, who && cookies[who]);
    expect(response.status).toBe(status);
    if (status === 200) {
      expect(response.headers.get("content-type")).toBe("audio/webm");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(Buffer.from(await response.arrayBuffer()).equals(recordedTake())).toBe(true);
    }
  });
});

describe("listening to a take: isolation", () => {
  it("gives team B's members, owner included, the same 404 for A's takes as for takes that never existed", async () => {
    const before = await teamDigest(db, a.team.id);
    const never = await (await listen(999_999, cookies.ownerB)).text();
    for (const who of ["ownerB", "managerB", "repB"] as const) {
      for (const takeId of [a.sharedTakeId, a.privateTakeId]) {
        for (const query of ["", `?team=${a.team.id}&teamId=${a.team.id}`]) {
          const response = await listen(takeId, cookies[who], query);
          expect(response.status).toBe(404);
          const body = await response.text();
          expect(body).toBe(never);
          expect(leakedSecret(body, a.secrets), body).toBeNull();
          expect(body).not.toMatch(/\d/);
        }
      }
    }
    // Control: B's own shared take plays for B's rep.
    expect((await listen(b.takeId, cookies.repB)).status).toBe(200);
    expect(await teamDigest(db, a.team.id)).toEqual(before);
  });

  it.each(["abc", "0", "-1", "1.5", "1e3", "99999999999999999999"])("answers 404 to the take id %s", async (takeId) => {
    expect((await listen(takeId, cookies.ownerA)).status).toBe(404);
  });
});

describe("uploading a take", () => {
  const lengths = (versionId: number) => `versionId=${versionId}&spokenMs=2000&recordedMs=2580`;

  it("stores a member's recording of their team's script, which they then hear", async () => {
    const response = await upload(cookies.repB, lengths(b.versionId), recordedTake());
    expect(response.status).toBe(201);
    const saved = (await response.json()) as { id: number; bytes: number; spokenMs: number };
    expect(saved).toMatchObject({ bytes: 10130, spokenMs: 2000 });
    expect((await listen(saved.id, cookies.repB)).status).toBe(200);
    expect((await listen(saved.id, cookies.ownerB)).status).toBe(404);
  });

  it("refuses, writing nothing: another team's version, a signed-out or teamless caller, other types, bytes that are not WebM", async () => {
    const versionA = lengths(a.versionIds[1]);
    const before = await databaseDigest(db);
    const refusals = [
      { response: await upload(cookies.ownerB, versionA, recordedTake()), status: 404 },
      { response: await upload(null, lengths(b.versionId), recordedTake()), status: 401 },
      { response: await upload(cookies.noTeam, versionA, recordedTake()), status: 403 },
      { response: await upload(cookies.repB, lengths(b.versionId), recordedTake(), { "content-type": "audio/ogg" }), status: 415 },
      { response: await upload(cookies.repB, lengths(b.versionId), recordedTake(), { "content-type": "text/plain" }), status: 415 },
      { response: await upload(cookies.repB, lengths(b.versionId), Buffer.from("RIFF$\0\0\0WAVEfmt ")), status: 400 },
      { response: await upload(cookies.repB, `versionId=${b.versionId}&spokenMs=2000&recordedMs=95000`, recordedTake()), status: 400 },
      { response: await upload(cookies.repB, `versionId=${b.versionId}&spokenMs=9000&recordedMs=2580`, recordedTake()), status: 400 },
      { response: await upload(cookies.repB, `versionId=x`, recordedTake()), status: 400 },
    ];
    for (const { response, status } of refusals) {
      expect(response.status).toBe(status);
      const body = await response.text();
      expect(leakedSecret(body, a.secrets), body).toBeNull();
    }
    expect(await databaseDigest(db)).toEqual(before);
  });

  it("stops reading an oversized upload once it passes the cap, whatever Content-Length says", async () => {
    const chunk = new Uint8Array(64 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await upload(cookies.repB, lengths(b.versionId), endless);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("at most 2 MB");
    expect(sent).toBeLessThanOrEqual(TAKE_LIMITS.uploadBytes + 3 * chunk.length);
    const declared = await upload(cookies.repB, lengths(b.versionId), recordedTake(), { "content-type": "audio/webm", "content-length": String(TAKE_LIMITS.uploadBytes + 1) });
    expect(declared.status).toBe(413);
  });
});
