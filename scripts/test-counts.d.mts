// Types for test-counts.mjs, which its own test imports.
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
}
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}
export interface PlaywrightReport {
  stats: { expected: number; flaky: number; unexpected: number; skipped: number };
}
export declare function sumCounts(vitestReports: VitestReport[], playwrightReports?: PlaywrightReport | PlaywrightReport[]): TestCounts;
export declare function closingLine(counts: TestCounts): string;
