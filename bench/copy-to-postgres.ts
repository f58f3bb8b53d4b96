import Database from "better-sqlite3";
import pg from "pg";
import { openDatabase } from "@/db/client";

// The PostgreSQL bench database is the generated SQLite one, row for row: the same ids, so the
// facts the bench reads from the SQLite file (team, owner, prospects, scripts) hold on both. The
// schema comes from openDatabase (the app's own migrations); the rows go in as multi-row
// parameterised INSERTs with triggers off (`session_replication_role = replica`), because the
// rollups and day generations are copied as they are rather than recounted row by row.

/** Drizzle's bookkeeping and SQLite's own tables: each engine has its own. */
const SKIPPED = /^(sqlite_|__drizzle|_litestream)/;
const ROWS_PER_BATCH = 5000;

export async function copySqliteToPostgres(file: string, url: string, onProgress: (line: string) => void = () => {}): Promise<{ rows: number; seconds: number }> {
  const started = performance.now();
  await (await openDatabase(url)).$close();
  const sqlite = new Database(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let total = 0;
  try {
    const tables = (sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all() as string[]).filter((name) => !SKIPPED.test(name));
    const pgColumns = new Map<string, Map<string, string>>();
    for (const row of (await client.query("select table_name, column_name, udt_name from information_schema.columns where table_schema = 'public'")).rows) {
      if (!pgColumns.has(row.table_name)) pgColumns.set(row.table_name, new Map());
      pgColumns.get(row.table_name)!.set(row.column_name, row.udt_name);
    }
    const missing = tables.filter((t) => !pgColumns.has(t));
    if (missing.length) throw new Error(`tables in the SQLite file but not in PostgreSQL: ${missing.join(", ")}`);

    await client.query("begin");
    await client.query("set local session_replication_role = replica");
    // Whatever openDatabase put there (the team zone offsets, say) is replaced by the file's rows.
    await client.query(`truncate ${tables.map((t) => `"${t}"`).join(", ")}`);
    for (const table of tables) {
      const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      const absent = columns.filter((c) => !pgColumns.get(table)!.has(c));
      if (absent.length) throw new Error(`${table}: columns missing in PostgreSQL: ${absent.join(", ")}`);
      // One array parameter a column (unnest), so pg parses a few arrays, not thousands of placeholders.
      const types = columns.map((c) => pgColumns.get(table)!.get(c)!);
      const insert = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")})`;
      let batch: unknown[][] = [];
      const flush = async () => {
        if (!batch.length) return;
        await client.query(insert, columns.map((_, c) => batch.map((row) => row[c])));
        total += batch.length;
        batch = [];
      };
      let count = 0;
      for (const row of sqlite.prepare(`select * from "${table}"`).raw().iterate() as IterableIterator<unknown[]>) {
        batch.push(row.map((v) => (Buffer.isBuffer(v) ? v.toString("utf8") : v)));
        count++;
        if (batch.length === ROWS_PER_BATCH) await flush();
      }
      await flush();
      if (count >= 100_000) onProgress(`  copied ${count.toLocaleString("en-US")} rows of ${table}`);
    }
    // Serial ids continue after the copied ones, as SQLite's AUTOINCREMENT does.
    const serials = await client.query(
      "select table_name, column_name from information_schema.columns where table_schema = 'public' and column_default like 'nextval(%'",
    );
    for (const { table_name: table, column_name: column } of serials.rows) {
      await client.query(`select setval(pg_get_serial_sequence($1, $2), coalesce((select max("${column}") from "${table}"), 0) + 1, false)`, [`"${table}"`, column]);
    }
    await client.query("commit");
    await client.query("analyze");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
  return { rows: total, seconds: (performance.now() - started) / 1000 };
}
