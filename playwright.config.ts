import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets a second checkout run its suite beside this one.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/e2e",
  fullyParallel: true,
  workers: 2,
  // One retry: a test that passes only on its second try is reported as flaky, not hidden.
  retries: 1,
  // E2E_COUNTS names the JSON report of a second run (the PostgreSQL smoke run of scripts/test.mjs).
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }], ["json", { outputFile: process.env.E2E_COUNTS ?? "test-results/counts/e2e.json" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/sign-in`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      // E2E_DATABASE_URL: an empty PostgreSQL database for the smoke run on that engine.
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "./test-results/e2e.db",
      BETTER_AUTH_URL: baseURL,
      BETTER_AUTH_SECRET: "e2e-only-secret-not-used-anywhere-else-0123456789",
      // Every test browser signs up from this one machine's address.
      RINGBACK_SIGN_UPS_PER_ADDRESS_PER_MINUTE: "1000",
      RINGBACK_SIGN_INS_PER_ADDRESS_PER_MINUTE: "1000",
    },
  },
});
