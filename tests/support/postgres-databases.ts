import pg from "pg";

// The PostgreSQL run of the service tests: one throwaway cluster (tests/support/postgres-setup.ts)
// holding a migrated template; each test database is a copy of it, made in milliseconds.

export const TEMPLATE_DATABASE = "ringback_template";
let made = 0;

/** A new database cloned from the migrated template; returns its URL. */
export async function freshPostgresDatabase(clusterUrl: string): Promise<string> {
  const name = `t_${process.pid}_${++made}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: clusterUrl });
  await client.connect();
  try {
    await client.query(`create database ${name} template ${TEMPLATE_DATABASE}`);
  } finally {
    await client.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
