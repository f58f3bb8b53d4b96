import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { getDb, type Db } from "@/db/client";
import { account, organization } from "@/db/schema";
import { newId } from "@/server/services/ids";
import { cookieHeader, makeTeam } from "@/tests/support/fixtures";

// The Next route handlers `next dev` serves tRPC and better-auth through, called with real
// Requests and a real session cookie (the production server's own tRPC path is checked over
// HTTP in tests/trust/web-edge.test.ts). What a cross-site page could post is refused before
// any procedure runs, and no answer may be kept by a cache.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-web-edge-"));
process.env.DATABASE_URL = path.join(dir, "ringback.db");
process.env.BETTER_AUTH_SECRET = "web-edge-test-secret-0123456789abcdefghijkl";
process.env.BETTER_AUTH_URL = "http://localhost:3232";

const ORIGIN = "http://localhost:3232";
const PASSWORD = "correct-horse-battery";

let db: Db;
let teamId: string;
let cookie = "";

beforeAll(async () => {
  db = await getDb();
  const team = await makeTeam(db, "Edge Team");
  teamId = team.id;
  const owner = team.owner.user;
  await db.insert(account).values({ id: newId(), accountId: owner.id, providerId: "credential", userId: owner.id, password: await hashPassword(PASSWORD) }).run();
  const signIn = await authPost(
    new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: "POST", headers: { "content-type": "application/json", origin: ORIGIN }, body: JSON.stringify({ email: owner.email, password: PASSWORD }) }),
  );
  expect(signIn.status).toBe(200);
  expect(signIn.headers.get("cache-control")).toBe("private, no-store");
  cookie = cookieHeader(signIn);
});

afterAll(async () => {
  await db.$close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const teamName = async () => (await db.select({ name: organization.name }).from(organization).where(eq(organization.id, teamId)).get())!.name;
const updateSettings = (headers: Record<string, string>, body: BodyInit) =>
  trpcPost(new Request(`${ORIGIN}/api/trpc/teams.updateSettings`, { method: "POST", headers: { cookie, ...headers }, body }));

describe("the tRPC route handler (next dev)", () => {
  it("refuses a same-site multipart form with 415 and changes nothing", async () => {
    const form = new FormData();
    form.set("name", "Renamed by a form");
    const response = await updateSettings({ origin: ORIGIN }, form);
    expect(response.status).toBe(415);
    expect(await teamName()).toBe("Edge Team");
  });

  it("refuses JSON from another site's page with 403 and changes nothing", async () => {
    const response = await updateSettings({ origin: "https://evil.example", "content-type": "application/json" }, JSON.stringify({ json: { name: "Renamed cross-site" } }));
    expect(response.status).toBe(403);
    expect(await teamName()).toBe("Edge Team");
  });

  it("runs the app's own JSON mutation, and answers it and a query with Cache-Control: private, no-store", async () => {
    const response = await updateSettings({ origin: ORIGIN, "content-type": "application/json" }, JSON.stringify({ json: { name: "Edge Team Renamed" } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await teamName()).toBe("Edge Team Renamed");
    const members = await trpcGet(new Request(`${ORIGIN}/api/trpc/teams.members`, { headers: { cookie } }));
    expect(members.status).toBe(200);
    expect(members.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("better-auth's answers", () => {
  it("carry Cache-Control: private, no-store (the session, with the user's name and e-mail)", async () => {
    const session = await authGet(new Request(`${ORIGIN}/api/auth/get-session`, { headers: { cookie } }));
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ user: { name: "Edge Team Owner" } });
    expect(session.headers.get("cache-control")).toBe("private, no-store");
  });
});
