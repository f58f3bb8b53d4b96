import Database from "better-sqlite3";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import { databaseLocation, type DatabaseLocation } from "./location";
import { migratePostgres } from "./postgres-migrate";
import { openPostgresPool } from "./postgres-session";
import { turnToWal } from "./sqlite-wal";
import { staleZoneTeams, syncTeamZone } from "./rollups";
import * as schema from "./schema";
import { queuedSqliteDatabase } from "./sqlite-session";

export { DEFAULT_DATABASE_PATH, databaseLocation, type DatabaseLocation } from "./location";

export type Engine = "sqlite" | "postgres";

/**
 * The database as the services see it: Drizzle's async SQLite API over either engine (every query
 * awaited; db/sqlite-session.ts, db/postgres-session.ts). `$engine` and `$location` are for the
 * few seams that differ per engine (backup, verify, the import worker's connection).
 */
export type Db = BaseSQLiteDatabase<"async", { changes: number }, typeof schema> & {
  readonly $engine: Engine;
  /** The SQLite file (or `:memory:`) or the PostgreSQL URL. */
  readonly $location: string;
  $close(): Promise<void>;
};

const SQLITE_MIGRATIONS = path.join(process.cwd(), "db", "migrations", "sqlite");

/** The SQLite file of the configured database; refuses a PostgreSQL URL (file-only commands). */
export function databasePath(): string {
  const location = databaseLocation();
  if (location.engine !== "sqlite") throw new Error("This needs a SQLite database file, and DATABASE_URL names a PostgreSQL database.");
  return location.file;
}

/**
 * Opens, creating and migrating if needed, the database at `location` (DATABASE_URL by default):
 * a SQLite file (`:memory:` gives a private one for tests) or a PostgreSQL URL, whose empty
 * database is migrated on first use exactly as an absent SQLite file is created.
 */
export async function openDatabase(location: DatabaseLocation | string = databaseLocation()): Promise<Db> {
  const where = typeof location === "string" ? databaseLocation(location) : location;
  const db = where.engine === "postgres" ? await openPostgres(where.url) : openSqlite(where.file);
  // Rollups of teams made before they existed, or whose zone changed outside the app.
  const stale = await staleZoneTeams(db);
  if (stale.length) {
    await db.transaction(async (tx) => {
      for (const team of stale) await syncTeamZone(tx, team.id, team.timezone);
    });
  }
  return db;
}

function openSqlite(file: string): Db {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Writers wait for each other instead of failing with SQLITE_BUSY.
  const sqlite = new Database(file, { timeout: 5000 });
  turnToWal(sqlite);
  sqlite.pragma("synchronous = NORMAL");
  migrateWithForeignKeysOff(sqlite);
  reusePreparedStatements(sqlite);
  // Planner statistics, sampled (cheap even at millions of rows): without them SQLite may pick
  // the wide (team, time) index over the narrow partial ones the leaderboard reads.
  sqlite.pragma("analysis_limit = 1000");
  sqlite.pragma("optimize = 0x10002");
  return sqliteDb(sqlite, file);
}

function sqliteDb(sqlite: Database.Database, file: string): Db {
  const db = queuedSqliteDatabase(sqlite, schema);
  return Object.assign(db, {
    $engine: "sqlite" as const,
    $location: file,
    async $close() {
      if (sqlite.open) sqlite.close();
    },
  }) as unknown as Db;
}

async function openPostgres(url: string, { readOnly = false } = {}): Promise<Db> {
  const { db, pool } = openPostgresPool(url, schema, { readOnly });
  if (!readOnly) await migratePostgres(db as never);
  return Object.assign(db, {
    $engine: "postgres" as const,
    $location: url,
    async $close() {
      await pool.end();
    },
  }) as unknown as Db;
}

/**
 * SQLite changes a column's constraints by rebuilding the table, and dropping a table that others
 * reference fails while foreign keys are enforced. Drizzle runs all migrations in one transaction,
 * where `PRAGMA foreign_keys=OFF` in the SQL is a no-op, so enforcement is switched off around the
 * whole run and the keys are checked before it is switched back on (sqlite.org/lang_altertable.html,
 * "Making Other Kinds Of Table Schema Changes").
 */
/** How many migrations the database records as applied (none before its first). */
function appliedMigrations(sqlite: Database.Database): number {
  const journal = sqlite.prepare("select name from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  return journal ? (sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n : 0;
}

function migrateWithForeignKeysOff(sqlite: Database.Database) {
  sqlite.pragma("foreign_keys = OFF");
  try {
    // The migrator is synchronous; it runs on a plain Drizzle handle before the queued one exists.
    const before = appliedMigrations(sqlite);
    migrate(drizzle(sqlite), { migrationsFolder: SQLITE_MIGRATIONS });
    // Only a run that changed something can have broken a key, and the check reads every row of
    // every table (5 s at a million dials): an up-to-date database skips it at each start.
    if (appliedMigrations(sqlite) === before) return;
    const broken = sqlite.pragma("foreign_key_check") as unknown[];
    if (broken.length) throw new Error(`The migrated database has ${broken.length} rows whose foreign keys point nowhere.`);
  } finally {
    sqlite.pragma("foreign_keys = ON");
  }
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
 * Opens an existing database without migrating it, refusing every change, for `verify` and
 * `backup`, which must change nothing (not even create a file where none was). On SQLite not the
 * read-only mode (that connection could not remove the -wal and -shm files it makes) but
 * `query_only`; on PostgreSQL, read-only transactions by default.
 */
export async function openDatabaseReadOnly(location: DatabaseLocation | string = databaseLocation()): Promise<Db> {
  const where = typeof location === "string" ? databaseLocation(location) : location;
  if (where.engine === "postgres") return openPostgres(where.url, { readOnly: true });
  if (!fs.existsSync(where.file)) throw new Error(`No database at ${where.file}.`);
  const sqlite = new Database(where.file, { fileMustExist: true });
  sqlite.pragma("query_only = ON");
  sqlite.pragma("busy_timeout = 5000");
  return sqliteDb(sqlite, where.file);
}

/** The better-sqlite3 connection under a SQLite database, for the seams that are SQLite's alone. */
export function sqliteConnection(db: Db): Database.Database {
  if (db.$engine !== "sqlite") throw new Error("This step is SQLite's alone.");
  return (db as unknown as { $client: Database.Database }).$client;
}

const globalForDb = globalThis as unknown as { ringbackDb?: Promise<Db> };

/** The process-wide database, opened lazily so that `next build` never touches it. */
export function getDb(): Promise<Db> {
  globalForDb.ringbackDb ??= openDatabase().catch((error) => {
    globalForDb.ringbackDb = undefined;
    throw error;
  });
  return globalForDb.ringbackDb;
}
