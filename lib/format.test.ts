import { describe, expect, it } from "vitest";
import { formatEvidence, formatMinutes, formatPhoneForDisplay, hourSpan } from "./format";

describe("formatPhoneForDisplay", () => {
  it("writes North American numbers the way reps dial them", () => {
    expect(formatPhoneForDisplay("+15165418160")).toBe("(516) 541-8160");
  });
  it("keeps other countries in E.164, where the country code stays unambiguous", () => {
    expect(formatPhoneForDisplay("+442071838750")).toBe("+442071838750");
  });
  it("leaves anything that is not E.164 untouched rather than guess", () => {
    expect(formatPhoneForDisplay("unknown")).toBe("unknown");
  });
});

describe("formatEvidence", () => {
  it("always shows the interval and the counts beside the rate", () => {
    expect(formatEvidence({ returned: 3, voicemails: 8, rate: 0.375, ciLow: 0.1368, ciHigh: 0.6943 })).toBe("37.5% (14–69%) · 3/8");
  });
  it("says 0/0 instead of inventing a rate", () => {
    expect(formatEvidence({ returned: 0, voicemails: 0, rate: null, ciLow: 0, ciHigh: 0 })).toBe("— · 0/0");
  });
});

describe("formatMinutes", () => {
  it.each([
    [null, "—"],
    [12.4, "12 min"],
    [90, "1.5 h"],
    [3 * 1440, "3.0 d"],
  ])("%s minutes read as %s", (minutes, text) => {
    expect(formatMinutes(minutes)).toBe(text);
  });
});

describe("hourSpan", () => {
  it.each([
    [9, "9–10 am"],
    // The issue: the 11 am cell was named "11–12 pm".
    [11, "11 am–12 pm"],
    [12, "12–1 pm"],
    [0, "12–1 am"],
    [23, "11 pm–12 am"],
  ])("%i → %s", (hour, want) => {
    expect(hourSpan(hour)).toBe(want);
  });
});
