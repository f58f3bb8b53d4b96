import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  constantTimeEqual,
  ringbackSignature,
  ringbackSignatureHeader,
  twilioSignature,
  validAircallToken,
  validTwilioSignature,
  verifyRingbackSignature,
} from "./webhook-signatures";

// Twilio's documented example (twilio.com/docs/usage/security, repeated in its libraries' tests):
// this URL, these parameters and the auth token 12345 sign as 0/KCTR6DLpKmkAf8muzZqo1nDgQ=.
const DOC_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
const DOC_PARAMS: [string, string][] = [
  ["CallSid", "CA1234567890ABCDE"],
  ["Caller", "+12349013030"],
  ["Digits", "1234"],
  ["From", "+12349013030"],
  ["To", "+18005551212"],
];
const DOC_SIGNATURE = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";

// A status callback as Twilio posts it (form fields of twilio.com/docs/voice/api/call-resource#statuscallback).
const STATUS_URL = "https://ringback.example/api/v1/webhooks/twilio/int_abc";
const STATUS: [string, string][] = [
  ["AccountSid", "AC0000000000000000000000000000000a"],
  ["AnsweredBy", "machine_end_beep"],
  ["ApiVersion", "2010-04-01"],
  ["CallDuration", "26"],
  ["CallSid", "CA0001"],
  ["CallStatus", "completed"],
  ["Direction", "outbound-api"],
  ["From", "+15165550100"],
  ["Timestamp", "Mon, 03 Mar 2025 14:00:27 +0000"],
  ["To", "+15165418160"],
];
// By hand: HMAC-SHA1 over the URL and the sorted name+value pairs, with node's crypto.
const statusSignature = (token: string, url = STATUS_URL, params = STATUS) =>
  createHmac("sha1", token)
    .update(url + [...params].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, v]) => n + v).join(""))
    .digest("base64");

describe("twilioSignature", () => {
  it("reproduces Twilio's documented example", () => {
    expect(twilioSignature("12345", DOC_URL, DOC_PARAMS)).toBe(DOC_SIGNATURE);
  });

  it("sorts the parameters by name, whatever order the form sent them in", () => {
    expect(twilioSignature("12345", DOC_URL, [...DOC_PARAMS].reverse())).toBe(DOC_SIGNATURE);
  });

  const TOKEN = "f3b1c0ffee0ddba11f3b1c0ffee0ddba";
  const cases: { name: string; token: string; url: string; params: [string, string][]; header: string | null; valid: boolean }[] = [
    { name: "a status callback signed with the auth token", token: TOKEN, url: STATUS_URL, params: STATUS, header: statusSignature(TOKEN), valid: true },
    { name: "Twilio's documented example", token: "12345", url: DOC_URL, params: DOC_PARAMS, header: DOC_SIGNATURE, valid: true },
    { name: "signed with another token", token: TOKEN, url: STATUS_URL, params: STATUS, header: statusSignature("another-token"), valid: false },
    { name: "a parameter changed after signing", token: TOKEN, url: STATUS_URL, params: STATUS.map(([n, v]) => [n, n === "CallStatus" ? "no-answer" : v]), header: statusSignature(TOKEN), valid: false },
    { name: "a parameter added after signing", token: TOKEN, url: STATUS_URL, params: [...STATUS, ["Extra", "1"]], header: statusSignature(TOKEN), valid: false },
    { name: "signed for another URL (the internal host behind a proxy)", token: TOKEN, url: STATUS_URL, params: STATUS, header: statusSignature(TOKEN, "http://10.0.0.5:3000/api/v1/webhooks/twilio/int_abc"), valid: false },
    { name: "no header", token: TOKEN, url: STATUS_URL, params: STATUS, header: null, valid: false },
    { name: "an empty header", token: TOKEN, url: STATUS_URL, params: STATUS, header: "", valid: false },
    { name: "the signature cut short", token: TOKEN, url: STATUS_URL, params: STATUS, header: statusSignature(TOKEN).slice(0, 20), valid: false },
    { name: "an empty auth token signs nothing", token: "", url: STATUS_URL, params: STATUS, header: statusSignature(""), valid: false },
  ];
  it.each(cases)("$name → valid: $valid", ({ token, url, params, header, valid }) => {
    expect(validTwilioSignature(token, url, params, header)).toBe(valid);
  });
});

describe("validAircallToken", () => {
  const TOKEN = "45XXYYZZa08";
  it.each([
    { name: "the webhook's token", token: TOKEN, valid: true },
    { name: "another token", token: "45XXYYZZa09", valid: false },
    { name: "a prefix of it", token: TOKEN.slice(0, 5), valid: false },
    { name: "the token in another case", token: TOKEN.toLowerCase(), valid: false },
    { name: "no token", token: undefined, valid: false },
    { name: "a number", token: 45, valid: false },
    { name: "an empty string", token: "", valid: false },
  ])("$name → valid: $valid", ({ token, valid }) => {
    expect(validAircallToken(TOKEN, token)).toBe(valid);
  });
  it("refuses everything when no token was pasted", () => {
    expect(validAircallToken("", "")).toBe(false);
  });
});

describe("verifyRingbackSignature", () => {
  const SECRET = "rbk_whsec_test";
  const body = JSON.stringify({ rep_email: "rep@example.test", prospect_phone: "+15165418160", outcome: "voicemail" });
  const now = new Date("2025-03-03T14:00:00Z");
  const t = now.getTime() / 1000;
  // By hand with node's crypto: hex HMAC-SHA256 of "t.body".
  const byHand = (secret: string, ts: number, text: string) => createHmac("sha256", secret).update(`${ts}.${text}`).digest("hex");

  it("signs t.body with HMAC-SHA256 in hex", () => {
    expect(ringbackSignature(SECRET, t, body)).toBe(byHand(SECRET, t, body));
    expect(ringbackSignatureHeader(SECRET, t, body)).toBe(`t=${t},v1=${byHand(SECRET, t, body)}`);
  });

  it.each([
    { name: "signed now", header: `t=${t},v1=${byHand(SECRET, t, body)}`, expected: { ok: true, timestamp: t } },
    { name: "signed 5 minutes ago (the edge is inside)", header: `t=${t - 300},v1=${byHand(SECRET, t - 300, body)}`, expected: { ok: true, timestamp: t - 300 } },
    { name: "signed 5 minutes and 1 second ago", header: `t=${t - 301},v1=${byHand(SECRET, t - 301, body)}`, expected: { ok: false, reason: "expired" } },
    { name: "signed 6 minutes in the future", header: `t=${t + 360},v1=${byHand(SECRET, t + 360, body)}`, expected: { ok: false, reason: "expired" } },
    { name: "an old signature with a fresh t", header: `t=${t},v1=${byHand(SECRET, t - 600, body)}`, expected: { ok: false, reason: "mismatch" } },
    { name: "signed with another secret", header: `t=${t},v1=${byHand("other", t, body)}`, expected: { ok: false, reason: "mismatch" } },
    { name: "signed over another body", header: `t=${t},v1=${byHand(SECRET, t, `${body} `)}`, expected: { ok: false, reason: "mismatch" } },
    { name: "one of two v1 entries matches (a secret being rotated)", header: `t=${t},v1=${byHand("old", t, body)},v1=${byHand(SECRET, t, body)}`, expected: { ok: true, timestamp: t } },
    { name: "upper-case hex", header: `t=${t},v1=${byHand(SECRET, t, body).toUpperCase()}`, expected: { ok: true, timestamp: t } },
    { name: "no t", header: `v1=${byHand(SECRET, t, body)}`, expected: { ok: false, reason: "malformed" } },
    { name: "no v1", header: `t=${t}`, expected: { ok: false, reason: "malformed" } },
    { name: "a v1 that is not 64 hex digits", header: `t=${t},v1=abc`, expected: { ok: false, reason: "malformed" } },
    { name: "a t that is not a number", header: `t=soon,v1=${byHand(SECRET, t, body)}`, expected: { ok: false, reason: "malformed" } },
    { name: "no header", header: null, expected: { ok: false, reason: "missing" } },
  ])("$name", ({ header, expected }) => {
    expect(verifyRingbackSignature(SECRET, header, body, now)).toEqual(expected);
  });
});

describe("constantTimeEqual", () => {
  it.each([
    ["abc", "abc", true],
    ["abc", "abd", false],
    ["abc", "abcd", false],
    ["", "", true],
    ["é", "e", false],
  ])("%s = %s → %s", (a, b, expected) => {
    expect(constantTimeEqual(a, b)).toBe(expected);
  });
});
