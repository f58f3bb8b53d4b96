// `npm run build`: the Next.js production build, then the production server (server/serve.ts)
// bundled into one file beside it. Bundled rather than run through tsx: tsx's loader thread and
// source maps cost the server about 85 MB of memory (bench/README.md).
import esbuild from "esbuild";
import { bin, mustRun, SERVER_BUNDLE } from "./run.mjs";

await mustRun("Building the production app", bin("next"), ["build"]);
await esbuild.build({
  entryPoints: ["server/serve.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Dependencies stay in node_modules (better-sqlite3 is native, Next must find its own files).
  packages: "external",
  outfile: SERVER_BUNDLE,
  logLevel: "warning",
});
console.log(`✓ Production server bundled into ${SERVER_BUNDLE}`);
