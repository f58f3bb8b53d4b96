import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import path from "node:path";
import pg from "pg";
import { openDatabase, openDatabaseReadOnly } from "@/db/client";
import { integrityProblems } from "@/server/services/backup";
import { freshPostgresDatabase } from "@/tests/support/postgres-databases";

// The trust suite runs twice in `npm test`: on SQLite files, then with RINGBACK_TEST_ENGINE=postgres
// on databases of one throwaway cluster (tests/trust/postgres-setup.ts). A test names what it
// needs here — a new database, an absent one, its rows, a copy — and gets a file path or a
// postgres:// URL, which the servers and the CLI take as DATABASE_URL alike.

const cluster = process.env.RINGBACK_TEST_POSTGRES;
export const onPostgres = process.env.RINGBACK_TEST_ENGINE === "postgres";
if (onPostgres && !cluster) throw new Error("The PostgreSQL trust pass needs its cluster (vitest.trust.config.ts's globalSetup).");

export const ENGINE_NAME = onPostgres ? "PostgreSQL" : "SQLite";

const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const databaseUrl = (name: string) => {
  const url = new URL(cluster!);
  url.pathname = `/${name}`;
  return url.toString();
};

let made = 0;
const uniqueName = (name: string) => `${name.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${process.pid}_${++made}`;

/** A new, migrated database of its own: `dir/NAME.db`, or a copy of the cluster's migrated template. */
export async function freshDatabase(dir: string, name: string): Promise<string> {
  return onPostgres ? freshPostgresDatabase(cluster!) : path.join(dir, `${name}.db`);
}

/** A database that is not there yet: an absent file (in an absent folder), or an empty database nothing migrated. */
export async function absentDatabase(dir: string, name: string): Promise<string> {
  if (!onPostgres) return path.join(dir, name, "ringback.db");
  const database = uniqueName(name);
  await withClient(cluster!, (client) => client.query(`create database ${database}`));
  return databaseUrl(database);
}

/** Rows of a query on the database at `location`, read without changing it. */
export async function rowsOf<T = Record<string, unknown>>(location: string, query: string): Promise<T[]> {
  const db = await openDatabaseReadOnly(location);
  try {
    return (await db.all(sql.raw(query))) as T[];
  } finally {
    await db.$close();
  }
}

/** Runs `statements` in one transaction on the database at `location` (foreign keys checked at the end on PostgreSQL). */
export async function runInOneTransaction(location: string, statements: string[]) {
  const db = await openDatabase(location);
  try {
    await db.transaction(async (tx) => {
      for (const statement of statements) await tx.run(sql.raw(statement));
    });
  } finally {
    await db.$close();
  }
}

/** A copy of the database at `source` (nothing may be connected to it), as a new database or file named after `name`. */
export async function copyDatabase(source: string, dir: string, name: string): Promise<string> {
  if (!onPostgres) {
    const target = path.join(dir, `${name}.db`);
    const from = new Database(source, { readonly: true, fileMustExist: true });
    await from.backup(target);
    from.close();
    return target;
  }
  const database = uniqueName(name);
  const sourceName = new URL(source).pathname.slice(1);
  // A client that just disconnected from the source may still be leaving it; the copy waits for it.
  for (let attempt = 1; ; attempt++) {
    try {
      await withClient(cluster!, (client) => client.query(`create database ${database} template ${sourceName}`));
      return databaseUrl(database);
    } catch (error) {
      if (attempt >= 50 || !/being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * What is wrong with the stored database itself, beyond the app's own numbers: SQLite's
 * integrity_check and foreign_key_check of the file; on PostgreSQL amcheck's B-tree check of every
 * index of the app's tables against their rows (the engine enforces the foreign keys itself).
 */
export async function storageProblems(location: string): Promise<unknown[]> {
  if (!onPostgres) {
    // Read-write, so a WAL left by a killed server is recovered as any next opener would.
    const sqlite = new Database(location, { fileMustExist: true });
    try {
      return [...integrityProblems(sqlite), ...(sqlite.pragma("foreign_key_check") as unknown[])];
    } finally {
      sqlite.close();
    }
  }
  return withClient(location, async (client) => {
    await client.query("create extension if not exists amcheck");
    const indexes = await client.query<{ name: string }>(
      "select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and a.amname = 'btree'",
    );
    const problems: string[] = [];
    for (const { name } of indexes.rows) {
      try {
        await client.query("select bt_index_check($1::regclass, true)", [name]);
      } catch (error) {
        problems.push(`${name}: ${(error as Error).message}`);
      }
    }
    if (indexes.rows.length === 0) problems.push("no indexes found to check");
    return problems;
  });
}
