import { NextResponse, type NextRequest } from "next/server";

// An optimistic check only (cookie present?) so signed-out visitors land on sign-in with a way
// back; the signed-in layout verifies the session for real.
const SIGNED_IN_AREA = ["/today", "/prospects", "/scripts", "/leaderboard", "/team"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.getAll().some((c) => c.name.endsWith("ringback.session_token"));
  if (!hasSession && SIGNED_IN_AREA.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/today/:path*", "/prospects/:path*", "/scripts/:path*", "/leaderboard/:path*", "/team/:path*"] };
