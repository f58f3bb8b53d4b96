import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import { staleZoneTeams, syncTeamZone } from "./rollups";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "./data/ringback.db";
const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations", "sqlite");

export function databasePath(): string {
  const url = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_PATH;
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}

/** Opens (creating if needed) and migrates a database. `:memory:` gives a private one for tests. */
export function openDatabase(file: string = databasePath()): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  // Writers wait for each other instead of failing with SQLITE_BUSY.
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  writeTransactionsTakeTheLockFirst(db);
  migrateWithForeignKeysOff(db);
  reusePreparedStatements(sqlite);
  // Rollups of teams made before they existed, or whose zone changed outside the app.
  const stale = staleZoneTeams(db);
  if (stale.length) db.transaction((tx) => stale.forEach((team) => syncTeamZone(tx, team.id, team.timezone)));
  // Planner statistics, sampled (cheap even at millions of rows): without them SQLite may pick
  // the wide (team, time) index over the narrow partial ones the leaderboard reads.
  sqlite.pragma("analysis_limit = 1000");
  sqlite.pragma("optimize = 0x10002");
  return db;
}

/**
 * SQLite changes a column's constraints by rebuilding the table, and dropping a table that others
 * reference fails while foreign keys are enforced. Drizzle runs all migrations in one transaction,
 * where `PRAGMA foreign_keys=OFF` in the SQL is a no-op, so enforcement is switched off around the
 * whole run and the keys are checked before it is switched back on (sqlite.org/lang_altertable.html,
 * "Making Other Kinds Of Table Schema Changes").
 */
function migrateWithForeignKeysOff(db: Db) {
  db.$client.pragma("foreign_keys = OFF");
  try {
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const broken = db.$client.pragma("foreign_key_check") as unknown[];
    if (broken.length) throw new Error(`The migrated database has ${broken.length} rows whose foreign keys point nowhere.`);
  } finally {
    db.$client.pragma("foreign_keys = ON");
  }
}

/**
 * Other connections write to this file too (the import worker, `ringback` commands, a second
 * server process). A deferred transaction that reads and then writes fails at once with
 * SQLITE_BUSY ("database is locked", no busy wait) when another connection committed in between,
 * so a transaction that does not ask for `deferred` (the read snapshots do) begins IMMEDIATE:
 * it takes the write lock up front, waiting its turn under busy_timeout.
 */
function writeTransactionsTakeTheLockFirst(db: Db) {
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) => transaction(run, { behavior: "immediate", ...config })) as Db["transaction"];
}

const PREPARED_STATEMENTS_KEPT = 500;

/**
 * Drizzle prepares every query it runs. Compiling a write to `attempt` also compiles the rollup
 * triggers (about half a millisecond), so statements are kept by their SQL text and reused, most
 * recently used first. A statement is handed out with its row mode reset, since Drizzle switches
 * some to raw (array) rows; better-sqlite3 re-prepares a kept statement itself if the schema changes.
 */
function reusePreparedStatements(sqlite: Database.Database) {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) {
      kept.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = prepare(source);
      if (kept.size >= PREPARED_STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
    }
    kept.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * Opens an existing database without migrating it, refusing every change (`query_only`), for
 * `verify` and `backup`, which must change nothing (not even create a file where none was).
 * Not SQLite's read-only mode: that connection could not remove the -wal and -shm files it makes.
 */
export function openDatabaseReadOnly(file: string = databasePath()): Db {
  if (!fs.existsSync(file)) throw new Error(`No database at ${file}.`);
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma("query_only = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Db;
}

const globalForDb = globalThis as unknown as { ringbackDb?: Db };

/** The process-wide database, opened lazily so that `next build` never touches it. */
export function getDb(): Db {
  globalForDb.ringbackDb ??= openDatabase();
  return globalForDb.ringbackDb;
}
