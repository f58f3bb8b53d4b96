import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["server/**/*.test.ts", "lib/**/*.test.ts", "db/**/*.test.ts", "bench/**/*.test.ts", "tests/**/*.test.ts"],
    // tests/trust needs the production build and runs on its own (vitest.trust.config.ts).
    exclude: ["tests/trust/**", "node_modules/**"],
    environment: "node",
    // RINGBACK_TEST_ENGINE=postgres runs the same tests on a throwaway PostgreSQL cluster.
    globalSetup: ["tests/support/postgres-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    // Seeding a month of demo history in a hook takes ~3 s alone, far more on a loaded machine.
    hookTimeout: 120_000,
  },
});
