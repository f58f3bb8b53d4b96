// `npm test`: everything CI runs, in order, failing fast: typecheck, lint, unit and service
// tests, production build, Playwright e2e in Debian's Chromium, then the trust suite (real
// servers under concurrent load, killed mid-write, backed up live), on SQLite then on PostgreSQL.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { bin, mustRun } from "./run.mjs";
import { closingLine, sumCounts } from "./test-counts.mjs";
import { ensurePostgresInstalled, startThrowawayPostgres } from "./throwaway-postgres.mjs";

const CHROMIUM = "/usr/bin/chromium";

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() === 0) {
    await mustRun("Installing Debian's chromium for the e2e tests", "sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"]);
  } else {
    console.error("The e2e tests need Debian's Chromium at /usr/bin/chromium: run `sudo apt-get install -y chromium`, then `npm test` again.");
    process.exit(1);
  }
}

// The same service tests, trust matrices and an e2e smoke run again on PostgreSQL (Debian's
// server, installed like Chromium when missing; each run starts its own throwaway cluster).
ensurePostgresInstalled();

// Each runner also writes a JSON report, so the run can close on one summed count line.
const REPORTS = "test-results/counts";
rmSync(REPORTS, { recursive: true, force: true });
const vitestJson = (name) => ["--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/${name}.json`];

/**
 * What runs on PostgreSQL too: every service and trust-matrix test, except those that are about
 * SQLite's own files and statements (backups of the file, pragmas, dropped triggers, prepared
 * statements on the raw connection) and the migrate test, which runs both engines itself.
 */
const SQLITE_BOUND = ["verify", "timing-cache", "sessions", "leaderboard-rollups", "postgres-migration"].map((name) => `server/services/${name}.test.ts`);
const POSTGRES_SUITE = ["server/services", "server/trust", "server/session-context.test.ts", "server/auth-secret.test.ts", ...SQLITE_BOUND.flatMap((file) => ["--exclude", file])];
const POSTGRES_E2E = ["e2e/skeleton.spec.ts", "e2e/import.spec.ts", "e2e/call-import.spec.ts", "e2e/team.spec.ts", "e2e/scripts.spec.ts"];

const started = Date.now();
await mustRun("Typecheck", bin("tsc"), ["--noEmit"]);
await mustRun("Lint", bin("eslint"), [".", "--max-warnings=0"]);
await mustRun("Unit and service tests", bin("vitest"), ["run", ...vitestJson("unit")]);
await mustRun("Service tests and trust matrices on PostgreSQL", bin("vitest"), ["run", ...POSTGRES_SUITE, ...vitestJson("unit-postgres")], {
  env: { ...process.env, RINGBACK_TEST_ENGINE: "postgres" },
});
await mustRun("Production build", process.execPath, ["scripts/build.mjs"]);
await mustRun("End-to-end tests", bin("playwright"), ["test"]);
{
  const cluster = await startThrowawayPostgres();
  try {
    await mustRun("End-to-end smoke on PostgreSQL", bin("playwright"), ["test", ...POSTGRES_E2E], {
      env: { ...process.env, E2E_DATABASE_URL: cluster.createDatabase("e2e"), E2E_COUNTS: `${REPORTS}/e2e-postgres.json`, E2E_PORT: process.env.E2E_PORT_POSTGRES ?? "3101" },
    });
  } finally {
    cluster.stop();
  }
}
await mustRun("Trust suite: concurrent reps, crash, backup", bin("vitest"), [
  "run",
  "--config",
  "vitest.trust.config.ts",
  ...vitestJson("trust"),
]);
// The trust suite again on PostgreSQL: tests/trust/databases.ts gives each server a fresh
// database of one throwaway cluster.
await mustRun("Trust suite on PostgreSQL: concurrent reps, crash, pg_dump backup", bin("vitest"), ["run", "--config", "vitest.trust.config.ts", ...vitestJson("trust-postgres")], {
  env: { ...process.env, RINGBACK_TEST_ENGINE: "postgres" },
});

const read = (name) => JSON.parse(readFileSync(`${REPORTS}/${name}.json`, "utf8"));
const counts = sumCounts([read("unit"), read("unit-postgres"), read("trust"), read("trust-postgres")], [read("e2e"), read("e2e-postgres")]);
if (counts.passed === 0 || counts.failed > 0) {
  console.error(`✗ The reports count ${counts.passed} passed and ${counts.failed} failed tests.`);
  console.log(closingLine(counts));
  process.exit(1);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(closingLine(counts));
