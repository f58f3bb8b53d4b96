import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

// Each hostile case is one a real browser resolved to another host (the WHATWG URL parser, which
// Node implements too): backslashes count as slashes, and tabs and newlines are dropped.
describe("safeNext", () => {
  it.each([
    ["/\\evil.example", "/today"],
    ["/\\evil.example/today", "/today"],
    ["/\t/evil.example", "/today"],
    ["/\n/evil.example", "/today"],
    ["/\r\n/evil.example", "/today"],
    ["\\/evil.example", "/today"],
    ["//evil.example", "/today"],
    ["///evil.example", "/today"],
    ["//evil.example/today", "/today"],
    ["https://evil.example", "/today"],
    ["javascript:alert(1)", "/today"],
    ["evil.example", "/today"],
    ["", "/today"],
    [null, "/today"],
    [undefined, "/today"],
  ])("refuses %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it.each([
    ["/scripts", "/scripts"],
    ["/prospects/p1?tab=calls#notes", "/prospects/p1?tab=calls#notes"],
    // An encoded backslash is a path segment of ours, not a slash: the browser stays here.
    ["/%5Cx", "/%5Cx"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/invite/abc?next=//evil.example", "/invite/abc?next=//evil.example"],
    // Dot segments are resolved here, so what the router gets is what was checked.
    ["/scripts/../team", "/team"],
    ["/@evil.example", "/@evil.example"],
  ])("keeps the same-origin path %j as %j", (next, expected) => {
    expect(safeNext(next)).toBe(expected);
  });

  it("uses the caller's fallback", () => {
    expect(safeNext("/\\evil.example", "/create-team")).toBe("/create-team");
  });
});
