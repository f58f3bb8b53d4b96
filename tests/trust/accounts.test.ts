import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, openDatabaseReadOnly } from "@/db/client";
import { signInBrake } from "@/db/schema";
import { FIRST_DELAY_MS, FREE_ATTEMPTS } from "@/server/domain/sign-in-throttle";
import { addUserToTeam, createTeamWithOwner } from "@/server/services/members";
import { INVITES_PER_USER_PER_HOUR, TEAMS_PER_USER_PER_DAY } from "@/server/services/teams";
import { startSmtpListener, type SmtpListener } from "@/tests/support/smtp-listener";
import { ringback } from "./cli";
import { freshDatabase } from "./databases";
import { startServer, stopServer, trustPort, type RunningServer } from "./server";

// "A seat on a team is proven, not claimed", over real HTTP against the production server with
// real cookies: verified addresses (mail through a real SMTP listener), the per-account brake,
// sign-out, the name rule, flood limits, and rate limits keyed on the socket's address.

const PASSWORD = "accounts-trust-pass-1";
const SIGN_UPS_PER_MINUTE = 25;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-accounts-"));
let dbFile = "";
const port = trustPort(3513);
let server: RunningServer;
let base = "";
let teamSlug = "";

// The server's mail goes to this SMTP listener (SMTP_URL), so nothing is in the outbox.
let smtp: SmtpListener;
let mails: SmtpListener["mails"] = [];

// ---------------------------------------------------------------------------------------------
// A tiny browser: a cookie jar per "device", JSON requests with the app's Origin.

type Jar = Map<string, string>;
const newJar = (): Jar => new Map();
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

function keep(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!value || attributes.some((a) => /max-age=0\b/i.test(a.trim()))) jar.delete(name);
    else jar.set(name, value);
  }
}

async function send(method: string, route: string, { jar, body, headers = {} }: { jar?: Jar; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(`${base}${route}`, {
    method,
    redirect: "manual",
    headers: { origin: base, ...(body === undefined ? {} : { "content-type": "application/json" }), ...(jar ? { cookie: cookieHeader(jar) } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (jar) keep(jar, response);
  return response;
}

const signUp = (email: string, name: string, extra: { headers?: Record<string, string>; jar?: Jar } = {}) =>
  send("POST", "/api/auth/sign-up/email", { ...extra, body: { email, name, password: PASSWORD } });
const signIn = (jar: Jar, email: string, password = PASSWORD) => send("POST", "/api/auth/sign-in/email", { jar, body: { email, password } });
const trpc = (jar: Jar, procedure: string, input: unknown) => send("POST", `/api/trpc/${procedure}`, { jar, body: { json: input } });
const trpcQuery = (jar: Jar, procedure: string) => send("GET", `/api/trpc/${procedure}`, { jar });

let signUpsSent = 0;
const countedSignUp: typeof signUp = (...args) => {
  signUpsSent++;
  return signUp(...args);
};

async function signedIn(email: string) {
  const jar = newJar();
  const response = await signIn(jar, email);
  expect(response.status, await response.clone().text()).toBe(200);
  return jar;
}

beforeAll(async () => {
  smtp = await startSmtpListener();
  mails = smtp.mails;

  dbFile = await freshDatabase(dir, "ringback");
  const db = await openDatabase(dbFile);
  const team = await createTeamWithOwner(db, { name: "Proven Co", ownerEmail: "owner@proven.test", ownerPassword: PASSWORD, ownerName: "Olga Owner" });
  await addUserToTeam(db, { teamSlug: team.slug, email: "victim@proven.test", name: "Vic Victim", role: "manager", password: PASSWORD });
  await addUserToTeam(db, { teamSlug: team.slug, email: "leaver@proven.test", name: "Lee Leaver", role: "rep", password: PASSWORD });
  teamSlug = team.slug;
  await db.$close();

  server = await startServer(dbFile, port, {
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    RINGBACK_SIGN_UPS_PER_ADDRESS_PER_MINUTE: String(SIGN_UPS_PER_MINUTE),
  });
  base = server.url;
}, 120_000);

afterAll(async () => {
  if (server) await stopServer(server);
  await smtp.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The verification link mailed to `email`, as quoted-printable-decoded text. */
async function verificationLinkFor(email: string) {
  await expect.poll(() => mails.find((m) => m.to.includes(email) && /Subject: Verify your e-mail/.test(m.data)), { timeout: 10_000 }).toBeTruthy();
  const mail = mails.find((m) => m.to.includes(email) && /Subject: Verify your e-mail/.test(m.data))!;
  const text = mail.data.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return /https?:\/\/\S+verify-email\S+/.exec(text)![0];
}

// ---------------------------------------------------------------------------------------------

describe("4. an invite is accepted only from a verified address", () => {
  it("holding the link and signing up with the invited address is not enough; the mailed link proves it", async () => {
    const owner = await signedIn("owner@proven.test");
    const invite = await trpc(owner, "teams.invite", { email: "new.manager@proven.test", role: "manager" });
    expect(invite.status).toBe(200);
    const inviteId = ((await invite.json()) as { result: { data: { json: { id: string } } } }).result.data.json.id;

    const holder = newJar();
    expect((await countedSignUp("new.manager@proven.test", "Nat Newcomer")).status).toBe(200);
    expect((await signIn(holder, "new.manager@proven.test")).status).toBe(200);
    const refused = await trpc(holder, "teams.acceptInvite", { inviteId });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Verify new.manager@proven.test first");

    // The verification mail went out over SMTP (SMTP_URL), carrying better-auth's signed link.
    const link = await verificationLinkFor("new.manager@proven.test");
    const verified = await send("GET", new URL(link).pathname + new URL(link).search, { jar: holder });
    expect(verified.status).toBe(302);
    const accepted = await trpc(holder, "teams.acceptInvite", { inviteId });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
  });

  it("`ringback user add` invites a pre-registered outsider instead of adopting it, and says so", async () => {
    expect((await countedSignUp("boss@proven.test", "Sly Squatter")).status).toBe(200);
    const result = await ringback(dbFile, ["user", "add", "--team", teamSlug, "--email", "boss@proven.test", "--name", "The Boss", "--role", "manager", "--password", "operator-pass-1"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/boss@proven\.test already has an account, so it was not added\. Invited it to join .* as manager instead/);
    const squatter = await signedIn("boss@proven.test");
    const teams = await trpcQuery(squatter, "teams.mine");
    expect(((await teams.json()) as { result: { data: { json: unknown[] } } }).result.data.json).toEqual([]);
    // The operator's password opens nothing.
    expect((await signIn(newJar(), "boss@proven.test", "operator-pass-1")).status).toBe(401);
  });
});

describe("6. the per-account brake is reserved before the password is checked and never locks the owner out", () => {
  it(`40 concurrent wrong passwords get ${FREE_ATTEMPTS} password checks; the right one gets in after seconds, at once from a known browser`, async () => {
    // The victim's own browser signed in before, and carries the known-device mark.
    const ownBrowser = await signedIn("victim@proven.test");
    await send("POST", "/api/auth/sign-out", { jar: ownBrowser, body: {} });

    const answers = await Promise.all(Array.from({ length: 40 }, () => signIn(newJar(), "victim@proven.test", "wrong-password-123")));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_ATTEMPTS);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - FREE_ATTEMPTS);
    const retryAfter = Math.max(...answers.filter((r) => r.status === 429).map((r) => Number(r.headers.get("retry-after"))));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(FIRST_DELAY_MS / 1000);

    // The counters are rows, shared by every process and kept over restarts.
    const db = await openDatabaseReadOnly(dbFile);
    expect(await db.select().from(signInBrake).where(like(signInBrake.key, "victim@%")).all()).toEqual([expect.objectContaining({ key: "victim@proven.test", failures: FREE_ATTEMPTS })]);
    await db.$close();

    expect((await signIn(ownBrowser, "victim@proven.test")).status).toBe(200);
    const stranger = newJar();
    const early = await signIn(stranger, "victim@proven.test");
    expect(early.status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, Number(early.headers.get("retry-after")) * 1000));
    expect((await signIn(stranger, "victim@proven.test")).status).toBe(200);
  });
});

describe("7. sign-out ends the session everywhere", () => {
  it("an old cookie after sign-out reads nothing, and the endpoints the app does not use are closed", async () => {
    const jar = await signedIn("leaver@proven.test");
    const old = new Map(jar);
    expect(await (await send("GET", "/api/auth/get-session", { jar: new Map(old) })).json()).toMatchObject({ user: { email: "leaver@proven.test" } });
    for (const [method, route] of [
      ["GET", "/api/auth/list-sessions"],
      ["POST", "/api/auth/update-user"],
      ["POST", "/api/auth/change-email"],
      ["POST", "/api/auth/revoke-other-sessions"],
      ["POST", "/api/auth/organization/create"],
    ]) {
      expect((await send(method, route, { jar: new Map(old), body: method === "POST" ? { name: "Renamed" } : undefined })).status, route).toBe(404);
    }

    expect((await send("POST", "/api/auth/sign-out", { jar, body: {} })).status).toBe(200);
    expect(await (await send("GET", "/api/auth/get-session", { jar: new Map(old) })).json()).toBeNull();
    expect((await trpcQuery(new Map(old), "me")).status).toBe(401);
  });
});

describe("8. names follow the app's rule on better-auth's endpoints too", () => {
  it.each([
    ["a 5,000-character name", "x".repeat(5000)],
    ["a right-to-left override", "Marta \u202Eregenam"],
    ["a zero-width space", "Olga\u200B Owner"],
    ["BEL and ESC", "Ann\u0007\u001b[31m"],
  ])("sign-up refuses %s with 400, for a new address and a taken one alike", async (_label, name) => {
    for (const email of ["someone.new@proven.test", "owner@proven.test"]) {
      const response = await countedSignUp(email, name);
      expect(response.status, email).toBe(400);
      expect(await response.text()).toMatch(/Name:/);
    }
  });

  it("people's names are rendered inside <bdi> on the team page", async () => {
    const owner = await signedIn("owner@proven.test");
    const page = await send("GET", "/team", { jar: owner });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<bdi>Vic Victim</bdi>");
  });
});

describe("9. floods", () => {
  it("sign-up answers a taken address exactly as a new one, and neither signs anybody in", async () => {
    const fresh = await countedSignUp("brand.new@proven.test", "Bea Brandnew");
    const taken = await countedSignUp("owner@proven.test", "Bea Brandnew");
    expect([fresh.status, taken.status]).toEqual([200, 200]);
    const shape = (body: { token: unknown; user: Record<string, unknown> }) => ({ token: body.token, userKeys: Object.keys(body.user).sort(), email: body.user.email });
    expect(shape(await taken.json())).toEqual({ ...shape(await fresh.json()), email: "owner@proven.test" });
    expect(fresh.headers.getSetCookie().filter((c) => c.includes("session_token"))).toEqual([]);
    expect(taken.headers.getSetCookie().filter((c) => c.includes("session_token"))).toEqual([]);
    // The holder of the taken address hears of it; nobody else does.
    await expect.poll(() => mails.some((m) => m.to.includes("owner@proven.test") && /Someone tried to create/.test(m.data))).toBe(true);
  });

  it(`a manager sends at most ${INVITES_PER_USER_PER_HOUR} invites an hour; a user creates at most ${TEAMS_PER_USER_PER_DAY} teams a day`, async () => {
    const owner = await signedIn("owner@proven.test");
    const invites = [];
    for (let i = 0; i < 40; i++) invites.push((await trpc(owner, "teams.invite", { email: `flood${i}@proven.test`, role: "rep" })).status);
    // The owner sent one invite in the first test of this file, and `user add` one on their behalf.
    expect(invites.filter((s) => s === 200)).toHaveLength(INVITES_PER_USER_PER_HOUR - 2);
    expect(invites.filter((s) => s === 429)).toHaveLength(40 - (INVITES_PER_USER_PER_HOUR - 2));

    const founder = await signedIn("brand.new@proven.test");
    const teams = [];
    for (let i = 0; i < 8; i++) teams.push((await trpc(founder, "teams.create", { name: `Flood team ${i}`, timezone: "UTC" })).status);
    expect(teams).toEqual([...Array(TEAMS_PER_USER_PER_DAY).fill(200), ...Array(8 - TEAMS_PER_USER_PER_DAY).fill(429)]);
  });
});

describe("5. rate limits key on the socket's address, not on X-Forwarded-For", () => {
  it("sign-ups with a new X-Forwarded-For each still share one bucket", async () => {
    const statuses = [];
    for (let i = 0; i < 30; i++) {
      const response = await countedSignUp(`spoof${i}@proven.test`, "Spoofy Spoof", { headers: { "x-forwarded-for": `198.51.100.${i + 1}`, "x-ringback-client-address": `203.0.113.${i + 1}` } });
      statuses.push(response.status);
    }
    const allowedBefore = signUpsSent - statuses.length;
    // Every sign-up of this file came from 127.0.0.1, whatever the headers said.
    expect(statuses.filter((s) => s !== 429)).toHaveLength(Math.max(0, SIGN_UPS_PER_MINUTE - allowedBefore));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });
});
