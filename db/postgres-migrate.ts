import { sql } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import type { Pool } from "pg";
import { assertTriggersPresent, type TriggerRef } from "./triggers";

export const POSTGRES_MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations", "postgres");

/** Any key shared by every Ringback process: the advisory lock the migrations run under. */
const MIGRATION_LOCK = 7_263_114_015;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: the migrator reads none of it
type PgDb = NodePgDatabase<any> & { $client: Pool };

/**
 * Brings a PostgreSQL database (empty or older) up to the committed migrations, then checks that
 * the triggers the rollups depend on are there. Several app processes may start together against
 * one empty database: drizzle's migrator reads the last applied migration before its transaction,
 * so two of them would both apply 0000; a session advisory lock makes them take turns. The lock
 * and the migrations share one connection, so a pool of one cannot wait on itself.
 */
export async function migratePostgres(db: PgDb, migrationsFolder = POSTGRES_MIGRATIONS_FOLDER) {
  const lock = await db.$client.connect();
  try {
    await lock.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(lock), { migrationsFolder });
    } finally {
      await lock.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    lock.release();
  }
  const present = await db.execute<TriggerRef>(sql`
    select c.relname as "table", t.tgname as name
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where not t.tgisinternal and c.relnamespace = current_schema()::regnamespace
  `);
  assertTriggersPresent("PostgreSQL", present.rows);
}
