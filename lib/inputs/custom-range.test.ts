import { describe, expect, it } from "vitest";
import { customRangeProblem } from "./leaderboard-url";

// The leaderboard's custom range: a date the URL parser would drop is named, not replaced.
describe("customRangeProblem", () => {
  it.each([
    { from: "2025-03-01", to: "2025-03-31", want: null },
    { from: undefined, to: "2025-03-31", want: null },
    { from: "1999-12-31", to: "2025-03-31", want: "Dates must fall between the years 2000 and 2099 (not 1999-12-31)." },
    { from: "2025-03-01", to: "2150-01-01", want: "Dates must fall between the years 2000 and 2099 (not 2150-01-01)." },
    { from: "20255-03-01", to: undefined, want: "“20255-03-01” is not a date like 2025-03-31." },
    { from: "2025-03-31", to: "2025-03-01", want: "The range ends before it starts." },
  ])("$from to $to", ({ from, to, want }) => {
    expect(customRangeProblem(from, to)).toBe(want);
  });
});
