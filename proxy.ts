import { NextResponse, type NextRequest } from "next/server";
import { pageContentSecurityPolicy } from "@/lib/security-headers";

// An optimistic check only (cookie present?) so signed-out visitors land on sign-in with a way
// back; the signed-in layout verifies the session for real.
const SIGNED_IN_AREA = ["/today", "/prospects", "/scripts", "/leaderboard", "/team"];

/** 128 random bits, fresh for every page: a nonce an attacker could predict protects nothing. */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("ringback.session_token"));
  if (!hasSession && SIGNED_IN_AREA.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }
  // Next reads the nonce from the request's policy and puts it on every script it renders.
  const policy = pageContentSecurityPolicy(newNonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

// Every page; not the API (JSON and CSV carry their own policy) nor Next's static files.
export const config = { matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"] };
