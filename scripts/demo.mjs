// `npm run demo`: build, create + migrate the database, seed the demo team if missing, serve.
import { bin, mustRun, serve } from "./run.mjs";

const port = process.env.PORT || "3000";

await mustRun("Building the production app and server", process.execPath, ["scripts/build.mjs"]);
await mustRun("Preparing the database and demo team", bin("tsx"), ["server/cli.ts", "seed", "--demo"]);
process.exit(await serve(port));
