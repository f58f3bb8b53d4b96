// `npm run build`: the Next.js production build, then the production server (server/serve.ts)
// bundled into one file beside it. Bundled rather than run through tsx: tsx's loader thread and
// source maps cost the server about 85 MB of memory (bench/README.md).
import esbuild from "esbuild";
import { bin, IMPORT_WORKER_BUNDLE, mustRun, SERVER_BUNDLE } from "./run.mjs";

await mustRun("Building the production app", bin("next"), ["build"]);
const bundle = (entry, outfile) =>
  esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Dependencies stay in node_modules (better-sqlite3 is native, Next must find its own files).
    packages: "external",
    outfile,
    logLevel: "warning",
  });
await bundle("server/serve.ts", SERVER_BUNDLE);
// Imports run in worker threads of their own (server/services/import-queue.ts).
await bundle("server/import-worker.ts", IMPORT_WORKER_BUNDLE);
console.log(`✓ Production server bundled into ${SERVER_BUNDLE}, its import worker into ${IMPORT_WORKER_BUNDLE}`);
