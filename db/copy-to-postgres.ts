import type Database from "better-sqlite3";
import pg from "pg";

// `ringback migrate --to postgres://…`: a Ringback SQLite database copied row for row into an
// empty PostgreSQL database already migrated to the same schema (both store the same
// representation: epoch-ms integers, 0/1 flags, JSON as text, audio as bytes; db/schema-pg.ts).
// Every table is read inside one SQLite read transaction, so the copy is one instant of a database
// servers may still be writing to; it is written inside one PostgreSQL transaction, so a failed
// copy leaves the target empty.

/** The tables the migrators keep for themselves; each side has its own. */
const MIGRATOR_TABLES = new Set(["__drizzle_migrations"]);
/** A team or an account in the target means it is somebody's database, not an empty one. */
const OWNERS = ["organization", "user"];
/** Held by every write transaction of the app (db/postgres-session.ts): no server writes meanwhile. */
const WRITER_LOCK = 7_241_509;
/** PostgreSQL allows 65,535 parameters a statement. */
const PARAMETERS_PER_INSERT = 30_000;

export class TargetNotEmpty extends Error {}

export type CopiedTable = { table: string; rows: number };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The SQLite tables, each after every table it references, so foreign keys hold row by row. */
export function tablesInKeyOrder(sqlite: Database.Database): string[] {
  const names = (sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[]).filter(
    (name) => !MIGRATOR_TABLES.has(name),
  );
  const references = new Map(
    names.map((name) => [name, (sqlite.prepare(`select "table" from pragma_foreign_key_list(?)`).pluck().all(name) as string[]).filter((t) => t !== name)]),
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name)) return;
    if (visiting.has(name)) throw new Error(`The tables' foreign keys form a cycle through ${name}; they cannot be copied in key order.`);
    visiting.add(name);
    for (const referenced of references.get(name) ?? []) visit(referenced);
    visiting.delete(name);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered;
}

/** Refuses a target that holds any team or account. */
async function assertEmpty(client: pg.ClientBase) {
  for (const table of OWNERS) {
    const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${quote(table)}`);
    const n = Number(rows[0].n);
    if (n > 0) {
      throw new TargetNotEmpty(
        `The target PostgreSQL database is not empty (its ${table} table has ${n} row${n === 1 ? "" : "s"}); migrate copies only into an empty database.`,
      );
    }
  }
}

async function columnsOf(client: pg.ClientBase, table: string): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    "select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = $1",
    [table],
  );
  return new Set(rows.map((r) => r.name));
}

async function insertRows(client: pg.ClientBase, table: string, columns: string[], rows: unknown[][]) {
  const placeholders = rows.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(", ")})`).join(", ");
  await client.query(`insert into ${quote(table)} (${columns.map(quote).join(", ")}) values ${placeholders}`, rows.flat());
}

/** A bigserial id's sequence set to the highest id copied, so the next insert takes the one after. */
async function continueIdsAfter(client: pg.ClientBase, table: string) {
  const { rows } = await client.query<{ seq: string | null }>("select pg_get_serial_sequence($1, 'id') as seq", [quote(table)]);
  const sequence = rows[0]?.seq;
  if (sequence) await client.query(`select setval($1::regclass, max(id)) from ${quote(table)} having max(id) is not null`, [sequence]);
}

/**
 * Copies every table of `sqlite` into the PostgreSQL database at `url` (migrated, and empty of
 * teams and accounts). The target's own triggers are off during the copy: the derived tables
 * (rollups, day generations) are copied as they are, consistent with the rows they derive from.
 * Each id sequence is then set past the highest id copied.
 */
export async function copySqliteToPostgres(sqlite: Database.Database, url: string, { batchRows = 1000 } = {}): Promise<CopiedTable[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  sqlite.exec("BEGIN");
  try {
    // The read transaction's snapshot starts at its first read; every table below is read in it.
    sqlite.prepare("select count(*) from sqlite_master").get();
    const tables = tablesInKeyOrder(sqlite);
    await client.query("begin");
    await client.query("select pg_advisory_xact_lock($1)", [WRITER_LOCK]);
    await assertEmpty(client);
    for (const table of tables) await client.query(`alter table ${quote(table)} disable trigger user`);
    const copied: CopiedTable[] = [];
    for (const table of tables) {
      const target = await columnsOf(client, table);
      if (target.size === 0) throw new Error(`The target has no table ${table}; is it migrated to this version of Ringback?`);
      const columns = (sqlite.prepare(`select name from pragma_table_info(?) order by cid`).pluck().all(table) as string[]);
      const missing = columns.filter((c) => !target.has(c));
      if (missing.length) throw new Error(`The target's ${table} table lacks the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}.`);
      const read = sqlite.prepare(`select ${columns.map(quote).join(", ")} from ${quote(table)}`).raw(true);
      const perInsert = Math.max(1, Math.min(batchRows, Math.floor(PARAMETERS_PER_INSERT / columns.length)));
      let batch: unknown[][] = [];
      let rows = 0;
      for (const row of read.iterate() as IterableIterator<unknown[]>) {
        batch.push(row);
        if (batch.length === perInsert) {
          await insertRows(client, table, columns, batch);
          rows += batch.length;
          batch = [];
        }
      }
      if (batch.length) await insertRows(client, table, columns, batch);
      rows += batch.length;
      copied.push({ table, rows });
      if (target.has("id")) await continueIdsAfter(client, table);
    }
    for (const table of tables) await client.query(`alter table ${quote(table)} enable trigger user`);
    await client.query("commit");
    return copied;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    sqlite.exec("COMMIT");
    await client.end();
  }
}
