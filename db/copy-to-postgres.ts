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
/** A batch is sent when it has this many rows or this many bytes of text and blobs (audio). */
const ROWS_PER_INSERT = 5000;
const BYTES_PER_INSERT = 16 * 1024 * 1024;

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

/** The target table's columns and their types (udt names: int8, text, bytea…). */
async function columnsOf(client: pg.ClientBase, table: string): Promise<Map<string, string>> {
  const { rows } = await client.query<{ name: string; type: string }>(
    "select column_name as name, udt_name as type from information_schema.columns where table_schema = current_schema() and table_name = $1",
    [table],
  );
  return new Map(rows.map((r) => [r.name, r.type]));
}

/**
 * One array parameter a column, unnested into rows: PostgreSQL parses a few arrays rather than a
 * placeholder per value, and a batch is not bounded by the 65,535 parameters of a statement.
 */
async function insertRows(client: pg.ClientBase, table: string, columns: string[], types: string[], rows: unknown[][]) {
  await client.query(
    `insert into ${quote(table)} (${columns.map(quote).join(", ")}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`,
    columns.map((_, c) => rows.map((row) => row[c])),
  );
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
export async function copySqliteToPostgres(sqlite: Database.Database, url: string, { batchRows = ROWS_PER_INSERT } = {}): Promise<CopiedTable[]> {
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
      const types = columns.map((c) => target.get(c)!);
      // Bytes stay bytes only where the target holds bytes; SQLite may hold a text value as a blob.
      const asText = types.map((t) => t !== "bytea");
      const read = sqlite.prepare(`select ${columns.map(quote).join(", ")} from ${quote(table)}`).raw(true);
      let batch: unknown[][] = [];
      let bytes = 0;
      let rows = 0;
      const flush = async () => {
        if (batch.length) await insertRows(client, table, columns, types, batch);
        rows += batch.length;
        batch = [];
        bytes = 0;
      };
      for (const row of read.iterate() as IterableIterator<unknown[]>) {
        for (let c = 0; c < row.length; c++) {
          const value = row[c];
          if (Buffer.isBuffer(value)) {
            bytes += value.length;
            if (asText[c]) row[c] = value.toString("utf8");
          } else if (typeof value === "string") bytes += value.length;
        }
        batch.push(row);
        if (batch.length >= batchRows || bytes >= BYTES_PER_INSERT) await flush();
      }
      await flush();
      copied.push({ table, rows });
      if (target.has("id")) await continueIdsAfter(client, table);
    }
    for (const table of tables) await client.query(`alter table ${quote(table)} enable trigger user`);
    await client.query("commit");
    // A fresh copy has no statistics until autovacuum gets to it; its first queries would be
    // planned blind (a million-row attempt table read as if it were empty).
    await client.query("analyze");
    return copied;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    sqlite.exec("COMMIT");
    await client.end();
  }
}
