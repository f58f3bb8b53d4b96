// How each telephony provider proves a webhook is its own (Live issue, "Telephony webhooks").
// Pure: the request's parts and the integration's secret in, a verdict out. Every comparison is
// constant-time, so a forger cannot learn the expected value a byte at a time from response times.

import { createHmac, timingSafeEqual } from "node:crypto";

/** Equal strings, compared in time that depends on their lengths only. */
export function constantTimeEqual(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a, "utf8"), Buffer.from(b, "utf8")];
  // Compared against itself when the lengths differ, so a wrong length costs the same as a wrong byte.
  return x.length === y.length ? timingSafeEqual(x, y) : (timingSafeEqual(x, x), false);
}

/**
 * Twilio's `X-Twilio-Signature`: base64 HMAC-SHA1, keyed with the account's auth token, of the
 * full URL Twilio called followed by every POST parameter's name and value, sorted by name
 * (twilio.com/docs/usage/security, "Validating requests"). A repeated name keeps its values in
 * sorted order, as Twilio's own libraries do.
 */
export function twilioSignature(authToken: string, url: string, params: readonly (readonly [string, string])[]): string {
  const sorted = [...params].sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const data = url + sorted.map(([name, value]) => name + value).join("");
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

export function validTwilioSignature(authToken: string, url: string, params: readonly (readonly [string, string])[], header: string | null): boolean {
  if (!header || !authToken) return false;
  return constantTimeEqual(twilioSignature(authToken, url, params), header.trim());
}

/** Aircall signs nothing: every event body carries the webhook's token, which must equal the one pasted. */
export function validAircallToken(expected: string, token: unknown): boolean {
  return typeof token === "string" && expected.length > 0 && constantTimeEqual(expected, token);
}

/** How far a generic webhook's `t` may be from now, either way (a replayed capture is refused after this). */
export const RINGBACK_SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** The generic webhook's signature: hex HMAC-SHA256, keyed with the integration's secret, of `t.body`. */
export function ringbackSignature(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The header a sender of the generic webhook sends: `t=<unix seconds>,v1=<hex>`. */
export const ringbackSignatureHeader = (secret: string, timestamp: number, body: string) => `t=${timestamp},v1=${ringbackSignature(secret, timestamp, body)}`;

export type RingbackVerdict = { ok: true; timestamp: number } | { ok: false; reason: "missing" | "malformed" | "expired" | "mismatch" };

/**
 * `X-Ringback-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` (the Stripe scheme): several
 * `v1` entries may be sent while a secret is rotated, and any one matching is enough; a `t` more
 * than five minutes from `now` is refused even when signed.
 */
export function verifyRingbackSignature(secret: string, header: string | null, body: string, now: Date): RingbackVerdict {
  if (!header) return { ok: false, reason: "missing" };
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, ...rest] = part.trim().split("=");
    const value = rest.join("=");
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (timestamp === null || !signatures.length) return { ok: false, reason: "malformed" };
  if (Math.abs(now.getTime() / 1000 - timestamp) > RINGBACK_SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: "expired" };
  const expected = ringbackSignature(secret, timestamp, body);
  // Every candidate is compared, so the answer's time does not say which one matched.
  const matched = signatures.map((s) => constantTimeEqual(expected, s)).includes(true);
  return matched ? { ok: true, timestamp } : { ok: false, reason: "mismatch" };
}
