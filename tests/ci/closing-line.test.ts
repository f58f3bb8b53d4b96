import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { closingLine, sumCounts } from "@/scripts/test-counts.mjs";

// CI records a run from the last line `npm test` prints; a "Tests: 750 passed…" line was read as no tests run.
describe("npm test's closing line", () => {
  const vitest = (passed: number, failed = 0, pending = 0, todo = 0) => ({ numPassedTests: passed, numFailedTests: failed, numPendingTests: pending, numTodoTests: todo });

  it("sums the unit, trust and e2e reports (flaky counts as passed)", () => {
    const counts = sumCounts([vitest(600, 0, 1), vitest(20, 0, 0, 1)], { stats: { expected: 128, flaky: 2, unexpected: 0, skipped: 3 } });
    expect(counts).toEqual({ passed: 750, failed: 0, skipped: 5 });
  });

  it("is exactly the three counts, nothing before the first number", () => {
    expect(closingLine({ passed: 750, failed: 0, skipped: 0 })).toBe("750 passed, 0 failed, 0 skipped");
  });

  it("is the last thing scripts/test.mjs prints, on success and on failed counts", () => {
    const lines = readFileSync("scripts/test.mjs", "utf8").trim().split("\n");
    expect(lines.at(-1)).toBe("console.log(closingLine(counts));");
    const failedExit = lines.findLastIndex((line) => line.includes("process.exit(1)"));
    expect(lines[failedExit - 1].trim()).toBe("console.log(closingLine(counts));");
  });
});
