import { describe, expect, it } from "vitest";
import { hasDecodablePath, refusedPost } from "./request-guard";

const APP = ["http://localhost:3000", "http://127.0.0.1:3000"];
const headers = (values: Record<string, string>) => new Headers(values);

describe("refusedPost", () => {
  it.each([
    // [method, content-type, origin, expected status or null]
    ["GET", undefined, "https://evil.example", null],
    ["POST", "application/json", undefined, null],
    ["POST", "application/json", "http://localhost:3000", null],
    ["POST", "application/json; charset=utf-8", "http://127.0.0.1:3000", null],
    ["POST", "Application/JSON", "http://localhost:3000", null],
    ["POST", "multipart/form-data; boundary=x", "http://localhost:3000", 415],
    ["POST", "application/x-www-form-urlencoded", undefined, 415],
    ["POST", "text/plain", undefined, 415],
    ["POST", "application/octet-stream", undefined, 415],
    ["POST", "application/jsonp", undefined, 415],
    ["POST", undefined, undefined, 415],
    ["POST", "application/json", "https://evil.example", 403],
    ["POST", "multipart/form-data; boundary=x", "https://evil.example", 403],
    ["POST", "application/json", "null", 403],
    ["POST", "application/json", "http://localhost:3001", 403],
    ["POST", "application/json", "http://localhost:3000.evil.example", 403],
  ])("%s %s from %s → %s", (method, type, origin, status) => {
    const refused = refusedPost(method, headers({ ...(type ? { "content-type": type } : {}), ...(origin ? { origin } : {}) }), APP);
    expect(refused?.status ?? null).toBe(status);
  });
});

describe("hasDecodablePath", () => {
  it.each([
    ["/prospects/%E0%A4%A", false],
    ["/prospects/%", false],
    ["/api/trpc/%E0%A4%A?batch=1", false],
    ["/prospects/%E0%A4%A4", true],
    ["/prospects/abc?q=%E0%A4%A", true],
    ["/", true],
  ])("%s → %s", (target, ok) => {
    expect(hasDecodablePath(target)).toBe(ok);
  });
});
