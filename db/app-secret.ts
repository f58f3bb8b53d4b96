import pg from "pg";

// Secrets the app generates for itself when none is configured (the session-signing key). On
// SQLite a file beside the database does; on PostgreSQL they live in the database, so every
// server on every machine pointed at it signs and checks sessions with the same key — and a
// pg_dump carries it, so a restored database keeps its users signed in.

const LOCK = 7241512;

/** The secret called `name` in the PostgreSQL database at `url`; `make` supplies it the first time. */
export async function postgresAppSecret(url: string, name: string, make: () => string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    // Two servers starting together: one creates, the other waits and reads what it made.
    await client.query("select pg_advisory_xact_lock($1)", [LOCK]);
    await client.query("create table if not exists app_secret (name text primary key, value text not null)");
    await client.query("insert into app_secret (name, value) values ($1, $2) on conflict (name) do nothing", [name, make()]);
    const { rows } = await client.query<{ value: string }>("select value from app_secret where name = $1", [name]);
    await client.query("commit");
    return rows[0].value;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
