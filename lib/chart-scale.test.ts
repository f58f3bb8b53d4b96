import { describe, expect, it } from "vitest";
import { countAxis, evenlySpaced, labelsThatFit, rateAxis } from "./chart-scale";

// Expected values worked out by hand from the rule: the smallest step of the list that needs at
// most five steps to pass the maximum.
describe("rateAxis", () => {
  it.each([
    [0.34, 0.4, [0, 0.1, 0.2, 0.3, 0.4]],
    [0.22, 0.25, [0, 0.05, 0.1, 0.15, 0.2, 0.25]],
    [0.2, 0.2, [0, 0.05, 0.1, 0.15, 0.2]],
    [0.07, 0.08, [0, 0.02, 0.04, 0.06, 0.08]],
    [0.613, 0.8, [0, 0.2, 0.4, 0.6, 0.8]],
    [0.954, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [1, 1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0, 0.02, [0, 0.02]],
  ])("max %s ends at %s", (max, top, ticks) => {
    expect(rateAxis(max)).toEqual({ top, ticks });
  });
});

describe("countAxis", () => {
  it.each([
    [380, 400, [0, 100, 200, 300, 400]],
    [51, 60, [0, 20, 40, 60]],
    [9, 10, [0, 2, 4, 6, 8, 10]],
    [0, 1, [0, 1]],
  ])("max %s ends at %s", (max, top, ticks) => {
    expect(countAxis(max)).toEqual({ top, ticks });
  });
});

describe("evenlySpaced", () => {
  it("keeps every n-th item from the first", () => {
    expect(evenlySpaced([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([1, 4, 7]);
    expect(evenlySpaced([1, 2], 8)).toEqual([1, 2]);
  });
});

describe("labelsThatFit", () => {
  const box = (key: string, x: number, y: number, priority: number) => ({ key, x, y, width: 100, height: 14, priority });

  it("keeps the bigger point's label when two would overlap, and both when apart", () => {
    const shown = labelsThatFit([box("small", 10, 50, 1), box("big", 60, 55, 9), box("far", 10, 200, 2)], { width: 400 });
    expect([...shown].sort()).toEqual(["big", "far"]);
  });

  it("drops a label that would cover another point, but not its own", () => {
    const own = { key: "a", x: 0, y: 50, width: 10, height: 10 };
    const other = { key: "b", x: 40, y: 52, width: 10, height: 10 };
    expect(labelsThatFit([box("a", 8, 50, 1)], { width: 400 }, [own]).size).toBe(1);
    expect(labelsThatFit([box("a", 8, 50, 1)], { width: 400 }, [own, other]).size).toBe(0);
  });

  it("drops a label that would run past the plot's right edge", () => {
    expect(labelsThatFit([box("edge", 350, 10, 1)], { width: 400 }).size).toBe(0);
  });

  it("breaks ties by key, so the same data always shows the same labels", () => {
    expect([...labelsThatFit([box("b", 0, 0, 1), box("a", 0, 0, 1)], { width: 400 })]).toEqual(["a"]);
  });
});
