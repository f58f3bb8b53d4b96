import { describe, expect, it } from "vitest";
import { lateAttemptAdvice, lateAttemptVerdicts } from "./late-attempt-verdict";

// Intervals given by hand so each case is a plain overlap question.
const ev = (key: string, returned: number, voicemails: number, ciLow: number, ciHigh: number) => ({ key, returned, voicemails, rate: returned / voicemails, ciLow, ciHigh });

describe("lateAttemptVerdicts", () => {
  // The figures: 4+ at 17.1% (16–19%), the 2nd overlapping it, the 3rd at 12.3% (11–14%) wholly below.
  const late = ev("4+", 171, 1000, 0.16, 0.19);
  const second = ev("2", 170, 1000, 0.15, 0.2);
  const third = ev("3", 123, 1000, 0.11, 0.14);

  const cases = [
    { name: "the 3rd wholly below, the 2nd overlapping: a verdict each", earlier: [second, third], kinds: ["unclear", "more"] },
    { name: "both overlapping", earlier: [second, ev("3", 165, 1000, 0.145, 0.185)], kinds: ["unclear", "unclear"] },
    { name: "both wholly below", earlier: [ev("2", 100, 1000, 0.08, 0.12), third], kinds: ["more", "more"] },
    { name: "one wholly above", earlier: [ev("2", 250, 1000, 0.22, 0.28)], kinds: ["less"] },
    { name: "an attempt number without voicemails says nothing", earlier: [{ key: "2", returned: 0, voicemails: 0, rate: null, ciLow: 0, ciHigh: 1 }], kinds: [] },
  ];
  it.each(cases)("$name", ({ earlier, kinds }) => {
    expect(lateAttemptVerdicts(late, earlier).map((v) => v.kind)).toEqual(kinds);
  });

  it("names the attempt number and its evidence in each verdict", () => {
    expect(lateAttemptVerdicts(late, [second, third]).map((v) => v.text)).toEqual([
      "not clearly different from the 2nd (17.0% (15–20%) · 170/1000) yet",
      "clearly more than the 3rd (12.3% (11–14%) · 123/1000)",
    ]);
  });

  it("advises only when every comparison agrees", () => {
    expect(lateAttemptAdvice(lateAttemptVerdicts(late, [second, third]))).toBe("");
    expect(lateAttemptAdvice([{ against: "2", kind: "more", text: "" }, { against: "3", kind: "more", text: "" }])).toBe("the last try is earning its place.");
    expect(lateAttemptAdvice([{ against: "3", kind: "less", text: "" }])).toBe("consider stopping earlier or changing the last-try script.");
  });
});
