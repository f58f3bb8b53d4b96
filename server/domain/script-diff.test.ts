import { describe, expect, it } from "vitest";
import { diffSummary, diffWords, type DiffPart } from "./script-diff";

const apply = (parts: DiffPart[], side: "before" | "after") =>
  parts.filter((p) => p.kind === "same" || p.kind === (side === "before" ? "removed" : "added")).map((p) => p.text).join("");

// Expected parts worked out by hand from the definition (a longest common subsequence of tokens).
const cases: { name: string; before: string; after: string; parts: DiffPart[] }[] = [
  { name: "identical bodies", before: "Hi {rep.name} here.", after: "Hi {rep.name} here.", parts: [{ kind: "same", text: "Hi {rep.name} here." }] },
  { name: "both empty", before: "", after: "", parts: [] },
  { name: "from nothing", before: "", after: "Call me", parts: [{ kind: "added", text: "Call me" }] },
  { name: "to nothing", before: "Call me", after: "", parts: [{ kind: "removed", text: "Call me" }] },
  {
    name: "a word inserted",
    before: "call me back",
    after: "call me right back",
    parts: [
      { kind: "same", text: "call me " },
      { kind: "added", text: "right " },
      { kind: "same", text: "back" },
    ],
  },
  {
    name: "a word replaced",
    before: "my number is {rep.phone}",
    after: "my cell is {rep.phone}",
    parts: [
      { kind: "same", text: "my " },
      { kind: "removed", text: "number" },
      { kind: "added", text: "cell" },
      { kind: "same", text: " is {rep.phone}" },
    ],
  },
  {
    name: "the number moved to the front",
    before: "Hi {prospect.firstName}. Call {rep.phone}",
    after: "{rep.phone}. Hi {prospect.firstName}.",
    parts: [
      { kind: "added", text: "{rep.phone}. " },
      { kind: "same", text: "Hi {prospect.firstName}." },
      { kind: "removed", text: " Call {rep.phone}" },
    ],
  },
];

describe("diffWords", () => {
  it.each(cases)("$name", ({ before, after, parts }) => {
    const diff = diffWords(before, after);
    expect(diff).toEqual(parts);
    // Whatever the alignment, each side is rebuilt exactly, whitespace included.
    expect(apply(diff, "before")).toBe(before);
    expect(apply(diff, "after")).toBe(after);
  });

  it("keeps line breaks so a multi-line body rebuilds exactly", () => {
    const before = "Hi Jordan,\n\nit's Sam.\nCall me.";
    const after = "Hi Jordan,\nit's Sam from Acme.\nCall me today.";
    const diff = diffWords(before, after);
    expect(apply(diff, "before")).toBe(before);
    expect(apply(diff, "after")).toBe(after);
  });
});

describe("diffSummary", () => {
  it("counts words, not whitespace, on each side", () => {
    expect(diffSummary(diffWords("my number is 5", "my cell number is now 5"))).toEqual({ added: 2, removed: 0 });
    expect(diffSummary(diffWords("a b c", "a x c"))).toEqual({ added: 1, removed: 1 });
  });
});
