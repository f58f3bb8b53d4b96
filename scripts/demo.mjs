// `npm run demo`: build, create + migrate the database, seed the demo team if missing, serve.
import { bin, mustRun, run } from "./run.mjs";

const port = process.env.PORT || "3000";

await mustRun("Building the production app", bin("next"), ["build"]);
await mustRun("Preparing the database and demo team", bin("tsx"), ["server/cli.ts", "seed", "--demo"]);
console.log(`\nRingback is starting on http://localhost:${port}\n`);
process.exit(await run(bin("next"), ["start", "-p", port]));
