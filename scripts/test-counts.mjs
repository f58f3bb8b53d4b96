// The count line `npm test` closes on. CI records a run from its last line alone, so the line
// starts with the first number and says nothing else (a "Tests:" prefix read as zero tests run).

/** Sums vitest JSON reports and Playwright's JSON report into passed / failed / skipped. */
export function sumCounts(vitestReports, playwrightReports) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const r of vitestReports) {
    counts.passed += r.numPassedTests;
    counts.failed += r.numFailedTests;
    counts.skipped += r.numPendingTests + r.numTodoTests;
  }
  for (const playwrightReport of [playwrightReports].flat().filter(Boolean)) {
    const { expected, flaky, unexpected, skipped } = playwrightReport.stats;
    counts.passed += expected + flaky;
    counts.failed += unexpected;
    counts.skipped += skipped;
  }
  return counts;
}

/** `750 passed, 0 failed, 0 skipped`. */
export const closingLine = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;
