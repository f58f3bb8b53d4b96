import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { session } from "@/db/schema";
import { getAuth } from "@/server/auth";
import { sessionCookieFacts, signedSessionToken } from "@/server/session-cookie";
import { createContext } from "@/server/trpc";
import { sessionByToken } from "@/server/services/sessions";

// createContext checks better-auth's signed session cookie itself (node:crypto, one query): these
// cookies come from a real sign-in, so a change in better-auth's format fails here.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-session-context-"));
process.env.DATABASE_URL = path.join(dir, "ringback.db");
process.env.BETTER_AUTH_SECRET = "session-context-test-secret-0123456789abcdef";
process.env.BETTER_AUTH_URL = "http://localhost:3232";

let db: Db;
let cookie = "";
let token = "";
const EMAIL = "owner@session-context.test";

const contextFor = (cookieHeader: string | null) => createContext({ headers: new Headers(cookieHeader ? { cookie: cookieHeader } : {}) });
const only = (name: string) => cookie.split("; ").filter((c) => c.split("=")[0].endsWith(name)).join("; ");

beforeAll(async () => {
  db = await getDb();
  // Sign-up sets no cookie (it answers alike for new and taken addresses): sign in after it.
  await (await getAuth()).api.signUpEmail({ body: { email: EMAIL, password: "session-pass-1", name: "Sam Owner" } });
  const response = await (await getAuth()).api.signInEmail({ body: { email: EMAIL, password: "session-pass-1" }, asResponse: true });
  expect(response.status).toBe(200);
  cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  token = decodeURIComponent(only("session_token").split("=")[1]).split(".")[0];
});

afterAll(async () => {
  await db.$close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("signedSessionToken", () => {
  it("accepts better-auth's own signed cookie and nothing altered", async () => {
    const { name, secret } = await sessionCookieFacts();
    expect(name).toBe("ringback.session_token");
    expect(signedSessionToken(cookie, name, secret)).toBe(token);
    const signed = decodeURIComponent(only("session_token").split("=")[1]);
    expect(signedSessionToken(`${name}=${encodeURIComponent(`x${signed}`)}`, name, secret)).toBeNull();
    expect(signedSessionToken(`${name}=${encodeURIComponent(signed.slice(0, -2))}==`, name, secret)).toBeNull();
    expect(signedSessionToken(`${name}=${token}`, name, secret)).toBeNull();
    expect(signedSessionToken(cookie, name, "another-secret-0123456789abcdefghijkl")).toBeNull();
  });
});

describe("createContext", () => {
  it("signs in from the session-token cookie alone, with the row's user", async () => {
    const ctx = await contextFor(only("session_token"));
    expect(ctx.user).toMatchObject({ email: EMAIL, name: "Sam Owner" });
    expect(ctx.sessionId).toBe((await sessionByToken(db, token))!.id);
  });

  it("refuses a token whose signature does not match, and no cookie at all", async () => {
    const [name, value] = only("session_token").split("=");
    const tampered = `${name}=${encodeURIComponent(`${token.slice(0, -1)}x.${decodeURIComponent(value).split(".")[1]}`)}`;
    expect((await contextFor(tampered)).user).toBeNull();
    expect((await contextFor(null)).user).toBeNull();
  });

  it("still signs in a session due for its sliding refresh (through better-auth)", async () => {
    const row = (await sessionByToken(db, token))!;
    const dueAt = new Date(Date.now() + 20 * 86_400_000);
    await db.update(session).set({ expiresAt: dueAt }).where(eq(session.id, row.id)).run();
    expect((await contextFor(cookie)).user).toMatchObject({ email: EMAIL });
    expect((await contextFor(only("session_token"))).user).toMatchObject({ email: EMAIL });
  });

  it("signs out at once when the row is gone", async () => {
    await db.delete(session).where(eq(session.token, token)).run();
    expect((await contextFor(cookie)).user).toBeNull();
    expect((await contextFor(only("session_token"))).user).toBeNull();
    expect(await sessionByToken(db, token)).toBeNull();
  });
});
