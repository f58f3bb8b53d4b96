import { describe, expect, it } from "vitest";
import { chartSpan, datesBetween, localTime, resolvePeriod, SLOT_MS, slotClock, startOfLocalDay, weekStart, zoneOffset } from "./time-buckets";

// Expected local times come from the IANA rules for America/New_York (US Energy Policy Act of
// 2005): clocks spring forward at 02:00 EST on the second Sunday of March (2025-03-09; 02:00
// becomes 03:00 EDT, UTC−4) and fall back at 02:00 EDT on the first Sunday of November
// (2025-11-02; 02:00 becomes 01:00 EST, UTC−5). Each UTC instant below is the local time written
// beside it converted by hand with the offset in force.
const NY = "America/New_York";

describe("localTime across daylight-saving changes (America/New_York)", () => {
  const cases = [
    {
      name: "23:30 on Saturday night before spring-forward (EST, UTC−5)",
      utc: "2025-03-09T04:30:00Z",
      expected: { date: "2025-03-08", hour: 23, weekday: 5 },
    },
    {
      name: "01:59 just before the clocks jump (still EST)",
      utc: "2025-03-09T06:59:00Z",
      expected: { date: "2025-03-09", hour: 1, weekday: 6 },
    },
    {
      name: "the instant after: 03:00 EDT, the 02:00 hour never happens",
      utc: "2025-03-09T07:00:00Z",
      expected: { date: "2025-03-09", hour: 3, weekday: 6 },
    },
    {
      name: "23:30 on the spring-forward Sunday itself (now EDT, UTC−4; a fixed −5 would say 22:30)",
      utc: "2025-03-10T03:30:00Z",
      expected: { date: "2025-03-09", hour: 23, weekday: 6 },
    },
    {
      name: "23:30 on Saturday night before fall-back (EDT, UTC−4; a fixed −5 would say 22:30)",
      utc: "2025-11-02T03:30:00Z",
      expected: { date: "2025-11-01", hour: 23, weekday: 5 },
    },
    { name: "01:30 EDT, the first pass through the repeated hour", utc: "2025-11-02T05:30:00Z", expected: { date: "2025-11-02", hour: 1, weekday: 6 } },
    { name: "01:30 EST, the second pass through it", utc: "2025-11-02T06:30:00Z", expected: { date: "2025-11-02", hour: 1, weekday: 6 } },
    {
      name: "23:30 on the fall-back Sunday (now EST, UTC−5; a fixed −4 would say Monday 00:30)",
      utc: "2025-11-03T04:30:00Z",
      expected: { date: "2025-11-02", hour: 23, weekday: 6 },
    },
  ];
  it.each(cases)("$name", ({ utc, expected }) => {
    expect(localTime(new Date(utc), NY)).toEqual(expected);
  });

  it("reports the offset in force on each side of the change", () => {
    expect(zoneOffset(new Date("2025-03-09T06:59:00Z"), NY)).toBe(-5 * 3_600_000);
    expect(zoneOffset(new Date("2025-03-09T07:00:00Z"), NY)).toBe(-4 * 3_600_000);
    expect(zoneOffset(new Date("2025-11-02T05:59:00Z"), NY)).toBe(-4 * 3_600_000);
    expect(zoneOffset(new Date("2025-11-02T06:00:00Z"), NY)).toBe(-5 * 3_600_000);
  });
});

describe("startOfLocalDay", () => {
  const cases = [
    { name: "a winter day starts at 05:00 UTC", date: "2025-01-15", zone: NY, utc: "2025-01-15T05:00:00.000Z" },
    { name: "spring-forward day starts in EST", date: "2025-03-09", zone: NY, utc: "2025-03-09T05:00:00.000Z" },
    { name: "the day after starts in EDT", date: "2025-03-10", zone: NY, utc: "2025-03-10T04:00:00.000Z" },
    { name: "fall-back day starts in EDT", date: "2025-11-02", zone: NY, utc: "2025-11-02T04:00:00.000Z" },
    { name: "the day after starts in EST", date: "2025-11-03", zone: NY, utc: "2025-11-03T05:00:00.000Z" },
    { name: "a half-hour zone (India, UTC+5:30, no DST)", date: "2025-06-01", zone: "Asia/Kolkata", utc: "2025-05-31T18:30:00.000Z" },
    { name: "UTC itself", date: "2025-06-01", zone: "UTC", utc: "2025-06-01T00:00:00.000Z" },
  ];
  it.each(cases)("$name", ({ date, zone, utc }) => {
    expect(startOfLocalDay(date, zone).toISOString()).toBe(utc);
  });
});

describe("resolvePeriod", () => {
  // "now" is Wednesday 2025-03-12 10:00 EDT.
  const now = new Date("2025-03-12T14:00:00Z");
  const iso = (d?: Date) => d?.toISOString();

  it("today is the local calendar day", () => {
    const p = resolvePeriod("today", {}, now, NY);
    expect([iso(p.from), iso(p.to)]).toEqual(["2025-03-12T04:00:00.000Z", "2025-03-13T04:00:00.000Z"]);
  });

  it("this week runs Monday to Sunday", () => {
    const p = resolvePeriod("week", {}, now, NY);
    expect([p.firstDate, p.lastDate]).toEqual(["2025-03-10", "2025-03-16"]);
    expect(iso(p.from)).toBe("2025-03-10T04:00:00.000Z");
  });

  it("the last 30 days include today and reach back across the clock change", () => {
    const p = resolvePeriod("30d", {}, now, NY);
    expect([p.firstDate, p.lastDate]).toEqual(["2025-02-11", "2025-03-12"]);
    // 2025-02-11 midnight is EST, UTC−5.
    expect(iso(p.from)).toBe("2025-02-11T05:00:00.000Z");
  });

  it("a custom range holding only the spring-forward day is 23 hours long", () => {
    const p = resolvePeriod("custom", { from: "2025-03-09", to: "2025-03-09" }, now, NY);
    expect(p.to!.getTime() - p.from!.getTime()).toBe(23 * 3_600_000);
  });

  it("a custom range may be open at either end, and all time is unbounded", () => {
    expect(iso(resolvePeriod("custom", { from: "2025-03-01" }, now, NY).to)).toBeUndefined();
    expect(resolvePeriod("all", {}, now, NY)).toEqual({});
  });
});

describe("slotClock", () => {
  it("puts the quarter-hours either side of local midnight in India on different days", () => {
    const clock = slotClock("Asia/Kolkata");
    const slot = (utc: string) => new Date(utc).getTime() / SLOT_MS;
    expect(clock(slot("2025-01-01T18:15:00Z"))).toEqual({ date: "2025-01-01", hour: 23, weekday: 2 });
    expect(clock(slot("2025-01-01T18:30:00Z"))).toEqual({ date: "2025-01-02", hour: 0, weekday: 3 });
  });
});

describe("calendar helpers", () => {
  it("weeks start on Monday", () => {
    expect(weekStart("2025-03-09")).toBe("2025-03-03");
    expect(weekStart("2025-03-10")).toBe("2025-03-10");
  });
  it("lists every date of a range, both ends included, across a month end", () => {
    expect(datesBetween("2025-02-27", "2025-03-02")).toEqual(["2025-02-27", "2025-02-28", "2025-03-01", "2025-03-02"]);
  });
});

describe("chartSpan", () => {
  const activity = { first: "2025-03-01", last: "2025-03-10" };
  const today = "2025-03-12";
  it.each([
    ["a century-wide custom range keeps only the team's activity up to today", { firstDate: "2000-01-01", lastDate: "2099-12-31" }, undefined, activity, ["2025-03-01", "2025-03-12"], 12],
    ["a range inside the activity is kept as asked", { firstDate: "2025-03-03", lastDate: "2025-03-05" }, undefined, activity, ["2025-03-03", "2025-03-05"], 3],
    ["all time starts at the first date with data and ends today", {}, "2025-03-04", activity, ["2025-03-04", "2025-03-12"], 9],
    ["rows imported with dates ahead of today are kept", { firstDate: "2025-03-01", lastDate: "2025-04-30" }, undefined, { first: "2025-03-01", last: "2025-03-20" }, ["2025-03-01", "2025-03-20"], 20],
    ["a range wholly before the team's first dial is empty", { firstDate: "2024-01-01", lastDate: "2024-12-31" }, undefined, activity, [], 0],
    ["a team with no activity has no chart", { firstDate: "2025-03-01", lastDate: "2025-03-12" }, undefined, null, [], 0],
  ] as const)("%s", (_, period, firstSeen, span, ends, length) => {
    const dates = chartSpan(period, firstSeen, span, today);
    expect(dates).toHaveLength(length);
    if (length) expect([dates[0], dates[dates.length - 1]]).toEqual(ends);
  });
});
