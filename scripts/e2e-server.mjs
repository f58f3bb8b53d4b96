// The server Playwright tests run against: the production build on a fresh database.
import { rmSync } from "node:fs";
import { serve } from "./run.mjs";

const location = process.env.DATABASE_URL;
// A PostgreSQL run gets a fresh, empty database from scripts/test.mjs; a SQLite file is removed.
if (!/^postgres(ql)?:\/\//i.test(location)) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${location}${suffix}`, { force: true });
process.exit(await serve(process.env.PORT));
