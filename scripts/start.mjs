// `npm start`: serve the production build on $PORT (building it first when there is none), on the
// database at DATABASE_URL — created and migrated on first start, no demo data added.
import { existsSync } from "node:fs";
import { bin, mustRun, run } from "./run.mjs";

const port = process.env.PORT || "3000";
if (!existsSync(".next/BUILD_ID")) await mustRun("Building the production app", bin("next"), ["build"]);
console.log(`\nRingback is starting on http://localhost:${port}\n`);
process.exit(await run(bin("next"), ["start", "-p", port]));
