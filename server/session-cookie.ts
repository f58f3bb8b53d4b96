import crypto from "node:crypto";
import { getAuth } from "@/server/auth";

// better-auth signs its session-token cookie as `token.base64(HMAC-SHA256(secret, token))` and
// checks it with WebCrypto: an imported key and an async job per cookie, which made up a large
// share of a logged dial's time. The same check with node:crypto is synchronous and exact.

type CookieFacts = { name: string; secret: string; expiresInMs: number; updateAgeMs: number };
let facts: Promise<CookieFacts> | undefined;

/** The session cookie's name (prefix and `__Secure-` as better-auth sets it), secret and refresh ages. */
export function sessionCookieFacts(): Promise<CookieFacts> {
  facts ??= getAuth().then((auth) => auth.$context).then((context) => ({
    name: context.authCookies.sessionToken.name,
    secret: context.secret,
    expiresInMs: context.sessionConfig.expiresIn * 1000,
    updateAgeMs: context.sessionConfig.updateAge * 1000,
  }));
  return facts;
}

function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** The session token from a validly signed cookie in this header, else null. */
export function signedSessionToken(cookieHeader: string | null, name: string, secret: string): string | null {
  if (!cookieHeader) return null;
  const raw = cookieValue(cookieHeader, name);
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(crypto.createHmac("sha256", secret).update(token).digest("base64"));
  return signature.length === expected.length && crypto.timingSafeEqual(signature, expected) ? token : null;
}
