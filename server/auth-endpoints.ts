import crypto from "node:crypto";
import { getDb } from "@/db/client";
import { getAuth } from "@/server/auth";
import { authSecret } from "@/server/auth-secret";
import { NO_STORE } from "@/server/request-guard";
import { reserveSignIn, signInFailed, signInNotChecked, signInSucceeded } from "@/server/services/sign-in-brake";

// What /api/auth/* answers. Only the better-auth endpoints the app itself calls are open: the
// rest (list-sessions with other sessions' tokens, update-user, change-email, the organization
// plugin's team management, which goes through Ringback's own procedures…) answer 404, so an
// old or stolen cookie has nothing more to reach than the app shows.

const OPEN = new Set(["POST /sign-in/email", "POST /sign-up/email", "POST /sign-out", "GET /get-session", "GET /verify-email", "POST /send-verification-email"]);

const PREFIX = "/api/auth";

// A browser that once signed in to an account carries a mark for it, and its attempts are
// braked on a count of their own: strangers guessing an owner's password cannot keep the owner
// out from the browser they always use (OWASP's "device cookie" advice).
const DEVICE_COOKIE = "ringback.known_device";
const DEVICE_MAX_AGE_S = 400 * 86_400;

const deviceMark = (account: string) => crypto.createHmac("sha256", authSecret()).update(`known-device:${account}`).digest("base64url");

function carriesDeviceMark(req: Request, account: string): boolean {
  const cookie = (req.headers.get("cookie") ?? "").split(";").map((c) => c.trim()).find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
  if (!cookie) return false;
  const given = Buffer.from(cookie.slice(DEVICE_COOKIE.length + 1));
  const expected = Buffer.from(deviceMark(account));
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

function tooSoon(retryAfterMs: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const wait = seconds === 1 ? "1 second" : seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return Response.json(
    { message: `Too many failed sign-ins for this account. Try again in ${wait}.` },
    { status: 429, headers: { "Retry-After": String(seconds) } },
  );
}

async function signInEmail(req: Request) {
  const body = (await req.clone().json().catch(() => null)) as { email?: unknown } | null;
  const account = typeof body?.email === "string" ? body.email.trim().toLowerCase() : null;
  // Built first: it reads the session secret the device mark is signed with.
  const auth = await getAuth();
  if (!account) return auth.handler(req);
  const db = await getDb();
  const key = carriesDeviceMark(req, account) ? `${account}#known-device` : account;
  const reservation = await reserveSignIn(db, key);
  if (!reservation.allowed) return tooSoon(reservation.retryAfterMs);
  const response = await auth.handler(req);
  if (response.ok) {
    await signInSucceeded(db, key);
    const secure = new URL(req.url).protocol === "https:" ? "; Secure" : "";
    response.headers.append("Set-Cookie", `${DEVICE_COOKIE}=${deviceMark(account)}; Path=${PREFIX}; Max-Age=${DEVICE_MAX_AGE_S}; HttpOnly; SameSite=Lax${secure}`);
  } else if (response.status === 401) {
    await signInFailed(db, key);
  } else {
    await signInNotChecked(db, key);
  }
  return response;
}

async function answer(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname.slice(PREFIX.length);
  if (!OPEN.has(`${req.method} ${path}`)) return Response.json({ message: "Not found" }, { status: 404 });
  if (path === "/sign-in/email") return signInEmail(req);
  return (await getAuth()).handler(req);
}

/** Sessions, users and accounts in every answer: kept by no cache (server/request-guard.ts). */
export async function handleAuthRequest(req: Request): Promise<Response> {
  const response = await answer(req);
  const headers = new Headers(response.headers);
  headers.set("cache-control", NO_STORE);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
