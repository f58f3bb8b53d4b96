// `npm start`: serve the production build on $PORT (building it first when there is none), on the
// database at DATABASE_URL — created and migrated on first start, no demo data added.
// `--workers N` (or RINGBACK_WORKERS=N) runs N server processes on the port (server/server-processes.ts).
import { parseArgs } from "node:util";
import { isBuilt, mustRun, serve } from "./run.mjs";

const { values } = parseArgs({ options: { workers: { type: "string" } } });
if (values.workers !== undefined) process.env.RINGBACK_WORKERS = values.workers;
// Checked here too (the server checks it again): a bad count would otherwise fail every restart.
const workers = process.env.RINGBACK_WORKERS?.trim();
if (workers && !(/^\d+$/.test(workers) && Number(workers) >= 1 && Number(workers) <= 64)) {
  console.error(`✗ --workers (RINGBACK_WORKERS) must be a whole number from 1 to 64, not "${workers}".`);
  process.exit(2);
}
const port = process.env.PORT || "3000";
if (!isBuilt()) await mustRun("Building the production app and server", process.execPath, ["scripts/build.mjs"]);
process.exit(await serve(port));
