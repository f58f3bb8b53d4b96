import { getTableName, is, SQL } from "drizzle-orm";
import { getTableConfig as pgConfig, PgDialect, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteSyncDialect, SQLiteTable, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { openDatabase, sqliteConnection } from "./client";
import * as sqliteSchema from "./schema";
import * as pgSchema from "./schema-pg";
import { assertTriggersPresent, EXPECTED_TRIGGERS } from "./triggers";

// The two engines' schemas must describe one database: the services query both through the
// SQLite table objects, so a name, key, index or stored type that differs is a bug on one engine.

const sqliteTables = Object.values(sqliteSchema as Record<string, unknown>).filter((t): t is SQLiteTable => is(t, SQLiteTable));
const pgTables = Object.values(pgSchema as Record<string, unknown>).filter((t): t is PgTable => is(t, PgTable));
const byName = <T,>(items: T[], name: (t: T) => string) => new Map(items.map((t) => [name(t), t]));
const sqliteByName = byName(sqliteTables, getTableName);
const pgByName = byName(pgTables, getTableName);

const sqliteText = (where: SQL | undefined) => (where ? new SQLiteSyncDialect().sqlToQuery(where).sql : null);
const pgText = (where: SQL | undefined) => (where ? new PgDialect().sqlToQuery(where).sql : null);

/** The PostgreSQL type that stores a SQLite column's values unchanged (the contract of schema-pg.ts). */
function pgTypeFor(column: SQLiteColumn) {
  if (column.columnType === "SQLiteBoolean") return "PgSmallInt";
  if (column.columnType === "SQLiteBlobBuffer") return "PgCustomColumn";
  if (column.columnType === "SQLiteText") return "PgText";
  return autoIncrements(column) ? "PgBigSerial53" : "PgBigInt53";
}

const autoIncrements = (column: SQLiteColumn | PgColumn) => (column as { autoIncrement?: boolean }).autoIncrement === true;

/**
 * Drizzle counts SQLite's `integer primary key` as defaulted because SQLite fills a rowid alias
 * left out; every insert of the app names those keys (a take's id, an attempt's id), so only
 * AUTOINCREMENT ids need a PostgreSQL default.
 */
const fillsRowid = (column: SQLiteColumn | PgColumn) =>
  column.columnType === "SQLiteInteger" && column.primary && !autoIncrements(column) && column.default === undefined;

const defaultOf = (value: unknown) => (is(value, SQL) ? "sql" : typeof value === "boolean" ? Number(value) : value);

function describeColumns(columns: (SQLiteColumn | PgColumn)[]) {
  return columns
    .map((c) => ({
      name: c.name,
      notNull: c.notNull,
      hasDefault: c.hasDefault && !fillsRowid(c),
      default: defaultOf(c.default),
      primary: c.primary,
      unique: c.isUnique ? c.uniqueName : null,
      enumValues: c.enumValues ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

type Config = ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>;

function describeKeys(config: Config, predicate: (where: SQL | undefined) => string | null) {
  return {
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          name: fk.getName(),
          columns: ref.columns.map((c) => c.name),
          target: getTableName(ref.foreignTable),
          targetColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? "no action",
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.name, columns: u.columns.map((c) => c.name) })),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name,
        columns: i.config.columns.map((c) => (c as { name: string }).name),
        unique: i.config.unique,
        where: predicate(i.config.where),
      }))
      .sort((a, b) => a.name!.localeCompare(b.name!)),
  };
}

const migrated = await openDatabase(":memory:");

describe("the PostgreSQL schema mirrors the SQLite one", () => {
  const liveTables = (
    sqliteConnection(migrated).prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as {
      name: string;
    }[]
  ).map((t) => t.name);

  it("declares every table the SQLite migrations make, and no other", () => {
    expect([...pgByName.keys()].sort()).toEqual([...liveTables].sort());
    // Only tables made by hand-written SQLite migrations are missing from db/schema.ts.
    expect(liveTables.filter((t) => !sqliteByName.has(t))).toEqual(["day_generation"]);
  });

  it.each(sqliteTables.map((t) => [getTableName(t), t] as const))("%s: same columns, stored the same way", (name, table) => {
    const pg = pgByName.get(name)!;
    expect(pg, `${name} in schema-pg.ts`).toBeDefined();
    const s = sqliteConfig(table);
    const p = pgConfig(pg);
    expect(describeColumns(p.columns)).toEqual(describeColumns(s.columns));
    expect(Object.fromEntries(p.columns.map((c) => [c.name, c.columnType]))).toEqual(
      Object.fromEntries(s.columns.map((c) => [c.name, pgTypeFor(c)])),
    );
  });

  it.each(sqliteTables.map((t) => [getTableName(t), t] as const))("%s: same keys and indexes", (name, table) => {
    expect(describeKeys(pgConfig(pgByName.get(name)!), pgText)).toEqual(describeKeys(sqliteConfig(table), sqliteText));
  });

  it("declares the tables made by hand-written SQLite migrations as they were made", () => {
    for (const name of liveTables.filter((t) => !sqliteByName.has(t))) {
      const live = sqliteConnection(migrated).prepare(`select name, "notnull", pk, dflt_value from pragma_table_info(?) order by name`).all(name) as {
        name: string;
        notnull: number;
        pk: number;
        dflt_value: string | null;
      }[];
      const p = pgConfig(pgByName.get(name)!);
      const pk = new Set(p.primaryKeys.flatMap((k) => k.columns.map((c) => c.name)));
      expect(
        p.columns.map((c) => ({ name: c.name, notnull: c.notNull ? 1 : 0, pk: pk.has(c.name) || c.primary, hasDefault: c.hasDefault })).sort((a, b) => a.name.localeCompare(b.name)),
      ).toEqual(live.map((c) => ({ name: c.name, notnull: c.notnull, pk: c.pk > 0, hasDefault: c.dflt_value !== null })));
      const liveKey = live.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      expect(p.primaryKeys.map((k) => k.columns.map((c) => c.name))).toEqual([liveKey]);
    }
  });

  it("names every index of the migrated SQLite database, including those made by hand", () => {
    const live = (
      sqliteConnection(migrated).prepare("select name from sqlite_master where type = 'index' and name not like 'sqlite_autoindex_%'").all() as { name: string }[]
    ).map((i) => i.name);
    const declared = pgTables.flatMap((t) => {
      const c = pgConfig(t);
      return [...c.indexes.map((i) => i.config.name!), ...c.columns.filter((col) => col.isUnique).map((col) => col.uniqueName!)];
    });
    expect(declared.sort()).toEqual(live.sort());
  });

  it("the SQLite migrations make every expected trigger, and no other", () => {
    const live = sqliteConnection(migrated).prepare("select tbl_name as \"table\", name from sqlite_master where type = 'trigger'").all() as {
      table: string;
      name: string;
    }[];
    expect(() => assertTriggersPresent("SQLite", live)).not.toThrow();
    expect(live.map((t) => `${t.table}.${t.name}`).sort()).toEqual(EXPECTED_TRIGGERS.map((t) => `${t.table}.${t.name}`).sort());
    expect(() => assertTriggersPresent("SQLite", live.filter((t) => t.name !== "attempt_rollup_insert"))).toThrow(/lacks a trigger .*: attempt_rollup_insert on attempt\./);
  });
});
