import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// The slower suite that needs the production build: real servers, real HTTP, real crashes.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["tests/trust/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    // RINGBACK_TEST_ENGINE=postgres: the same suite on databases of one throwaway cluster.
    globalSetup: ["tests/trust/postgres-setup.ts"],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
