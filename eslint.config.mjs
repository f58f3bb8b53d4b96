import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    // Links prefetch on intent, not on sight (app/_components/intent-link.tsx, issue 12 item 19).
    files: ["app/**/*.tsx"],
    ignores: ["app/_components/intent-link.tsx"],
    rules: { "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use IntentLink from @/app/_components/intent-link." }] }] },
  },
  globalIgnores([".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "data/**", "next-env.d.ts", "bench/results/**"]),
]);
