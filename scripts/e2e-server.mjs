// The server Playwright tests run against: the production build on a fresh database.
import { rmSync } from "node:fs";
import { serve } from "./run.mjs";

const file = process.env.DATABASE_URL;
for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
process.exit(await serve(process.env.PORT));
