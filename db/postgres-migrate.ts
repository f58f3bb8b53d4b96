import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import path from "node:path";
import type pg from "pg";

const POSTGRES_MIGRATIONS = path.join(process.cwd(), "db", "migrations", "postgres");
/** Held while migrating, so two processes starting on one empty database migrate it once. */
const MIGRATION_LOCK = 7_241_510;

/** Migrates a PostgreSQL database (an empty one is created from scratch), one process at a time. */
export async function migratePostgres(pool: pg.Pool) {
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client), { migrationsFolder: POSTGRES_MIGRATIONS });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
