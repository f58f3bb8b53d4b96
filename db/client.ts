import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_PATH = "./data/ringback.db";
const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

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
  sqlite.pragma("foreign_keys = ON");
  // Writers wait for each other instead of failing with SQLITE_BUSY.
  sqlite.pragma("busy_timeout = 5000");
  const db = drizzle(sqlite, { schema }) as Db;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
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
