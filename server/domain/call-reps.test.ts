import { describe, expect, it } from "vitest";
import { foldIdentifier, NO_REP_IDENTIFIER, repResolution, resolveRep, type RepDirectory } from "./call-reps";

// The order is the History issue's ("Reps"): --rep-map, the remembered mapping, e-mail, unique
// name, the member's own phone, --rep. Each case puts a candidate at one level and a different
// one at every later level, so only the first level that knows the row may answer.
const directory = (over: Partial<RepDirectory> = {}): RepDirectory => ({
  repMap: new Map(),
  remembered: new Map(),
  byEmail: new Map(),
  byName: new Map(),
  byPhone: new Map(),
  fallback: null,
  ...over,
});

const full = directory({
  repMap: new Map([[foldIdentifier("0055Maya"), "from-map"]]),
  remembered: new Map([[foldIdentifier("0055Maya"), "remembered"], [foldIdentifier("4101"), "remembered"]]),
  byEmail: new Map([["maya@acme.test", "by-email"]]),
  byName: new Map([[foldIdentifier("Maya Lopez"), "by-name"], [foldIdentifier("Sam Lee"), null]]),
  byPhone: new Map([["+15165550100", "by-phone"]]),
  fallback: "fallback",
});

describe("resolveRep", () => {
  it.each([
    ["the --rep-map first", "0055Maya", "+15165550100", "from-map"],
    ["then the remembered mapping", "4101", "+15165550100", "remembered"],
    ["then a member's e-mail, whatever its case", "Maya@Acme.test", "+15165550100", "by-email"],
    ["then a member's name, ignoring case and spaces", "  maya   LOPEZ ", "+15165550100", "by-name"],
    ["not a name two members share: the calling number decides", "Sam Lee", "+15165550100", "by-phone"],
    ["then the member's own phone", null, "+15165550100", "by-phone"],
    ["then --rep", "Somebody Else", "+15165550199", "fallback"],
  ] as const)("%s", (_, rep, phone, expected) => expect(resolveRep(rep, phone, full)).toBe(expected));

  it("leaves a row unresolved when nothing knows it and there is no --rep", () => {
    expect(resolveRep("Priya Nair", null, directory({ byName: new Map([["mayalopez", "maya"]]) }))).toBeNull();
  });

  it("maps a calling number through the --rep-map too", () => {
    expect(resolveRep(null, "+15165550101", directory({ repMap: new Map([["+15165550101", "sam"]]) }))).toBe("sam");
  });

  it("credits rows naming no rep and no number by a mapping of “(no rep in the row)”", () => {
    expect(resolveRep(null, null, directory({ repMap: new Map([[foldIdentifier(NO_REP_IDENTIFIER), "sam"]]) }))).toBe("sam");
    expect(resolveRep("Priya Nair", null, directory({ repMap: new Map([[foldIdentifier(NO_REP_IDENTIFIER), "sam"]]) }))).toBeNull();
  });

  it.each([
    ["0055Maya", "+15165550100", "map"],
    ["4101", null, "remembered"],
    ["maya@acme.test", null, "email"],
    ["Maya Lopez", null, "name"],
    [null, "+15165550100", "phone"],
    ["Somebody Else", null, "rep"],
  ] as const)("says which rule found %s (%s): %s", (rep, phone, via) => expect(repResolution(rep, phone, full)?.via).toBe(via));
});
