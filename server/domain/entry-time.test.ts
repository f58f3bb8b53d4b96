import { describe, expect, it } from "vitest";
import { entryTimeProblem } from "./entry-time";

const NOW = new Date("2025-06-01T12:00:00Z");

describe("entryTimeProblem", () => {
  it.each([
    ["2025-06-01T12:00:00Z", null],
    ["2025-06-01T12:05:00Z", null],
    ["2025-06-01T12:05:01Z", "in the future"],
    ["2000-01-01T00:00:00Z", null],
    ["1999-12-31T23:59:59Z", "before the year 2000"],
  ])("%s → %s", (at, problem) => {
    const found = entryTimeProblem(new Date(at), NOW);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});
