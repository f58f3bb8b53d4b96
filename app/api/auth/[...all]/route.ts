import { getAuth } from "@/server/auth";
import { SignInThrottle } from "@/server/domain/sign-in-throttle";
import { NO_STORE } from "@/server/request-guard";

// Team management goes through Ringback's own procedures (one transaction each, role rules
// shared with the CLI), so the organization plugin's HTTP endpoints stay closed.
const closed = (req: Request) => new URL(req.url).pathname.startsWith("/api/auth/organization/");

const globalForThrottle = globalThis as unknown as { ringbackSignInThrottle?: SignInThrottle };
const throttle = (globalForThrottle.ringbackSignInThrottle ??= new SignInThrottle());

async function signInEmail(req: Request) {
  const body = (await req.clone().json().catch(() => null)) as { email?: unknown } | null;
  const account = typeof body?.email === "string" ? body.email.trim().toLowerCase() : null;
  if (account) {
    const waitMs = throttle.retryAfterMs(account);
    if (waitMs > 0) {
      const minutes = Math.ceil(waitMs / 60_000);
      return Response.json(
        { message: `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` },
        { status: 429, headers: { "Retry-After": String(Math.ceil(waitMs / 1000)) } },
      );
    }
  }
  const response = await getAuth().handler(req);
  if (account) {
    if (response.ok) throttle.recordSuccess(account);
    else if (response.status === 401) throttle.recordFailure(account);
  }
  return response;
}

async function answer(req: Request) {
  if (closed(req)) return Response.json({ message: "Not found" }, { status: 404 });
  if (req.method === "POST" && new URL(req.url).pathname === "/api/auth/sign-in/email") return signInEmail(req);
  return getAuth().handler(req);
}

/** Sessions, users and accounts in every answer: kept by no cache (server/request-guard.ts). */
async function handle(req: Request) {
  const response = await answer(req);
  const headers = new Headers(response.headers);
  headers.set("cache-control", NO_STORE);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export { handle as GET, handle as POST };
