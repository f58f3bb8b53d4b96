import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["server/**/*.test.ts", "lib/**/*.test.ts", "db/**/*.test.ts", "bench/**/*.test.ts", "tests/**/*.test.ts"],
    // tests/trust needs the production build and runs on its own (vitest.trust.config.ts).
    exclude: ["tests/trust/**", "node_modules/**"],
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
  },
});
