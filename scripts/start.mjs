// `npm start`: serve the production build on $PORT (building it first when there is none), on the
// database at DATABASE_URL — created and migrated on first start, no demo data added.
// `--workers N` (or RINGBACK_WORKERS=N) runs N server processes on the port (server/server-processes.ts).
import { parseArgs } from "node:util";
import { isBuilt, mustRun, serve } from "./run.mjs";

const { values } = parseArgs({ options: { workers: { type: "string" } } });
if (values.workers !== undefined) process.env.RINGBACK_WORKERS = values.workers;
const port = process.env.PORT || "3000";
if (!isBuilt()) await mustRun("Building the production app and server", process.execPath, ["scripts/build.mjs"]);
process.exit(await serve(port));
