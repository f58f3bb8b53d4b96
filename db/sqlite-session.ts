import { AsyncLocalStorage } from "node:async_hooks";
import type Database from "better-sqlite3";
import { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { BetterSQLiteSession, PreparedQuery } from "drizzle-orm/better-sqlite3/session";
import { extractTablesRelationalConfig, createTableRelationsHelpers } from "drizzle-orm/relations";
import { SQLiteSyncDialect, SQLiteTransaction, type SQLiteTransactionConfig } from "drizzle-orm/sqlite-core";
import { FifoLock } from "./fifo-lock";

// The service layer is written once, awaiting every query, for SQLite and PostgreSQL alike
// (DIALECTS.md §4). better-sqlite3 is synchronous and refuses a transaction callback that returns
// a promise, and a hand-rolled BEGIN … await … COMMIT on its single connection would let another
// request's statement run inside the open transaction (and roll back with it). So, as Kysely and
// Knex do: one connection, one process-wide queue. A transaction holds the connection from BEGIN
// to COMMIT; a statement from outside it waits its turn; the transaction's own statements,
// recognised through AsyncLocalStorage, go straight through.

const running = new AsyncLocalStorage<symbol>();

type Session = BetterSQLiteSession<Record<string, unknown>, never>;
type Prepared = ReturnType<Session["prepareQuery"]>;
type Method = "run" | "all" | "get" | "values";
const METHODS: Method[] = ["run", "all", "get", "values"];
type Work = (tx: unknown) => Promise<unknown>;

const TAKE_TURN = Symbol("take turn");
type Queueable = Record<Method, (values?: Record<string, unknown>) => unknown> & { mode: string; [TAKE_TURN]?: <T>(run: () => T) => Promise<T> };

// A statement of a queued database answers through the connection's queue (`inTurn` below);
// other statements (the migrator's plain handle) answer as before. Drizzle's own methods call
// each other (`all` reads through `values`): inside one, the others run directly.
let answering = false;
const prototype = (PreparedQuery as unknown as { prototype: Queueable }).prototype;
for (const method of METHODS) {
  const original = prototype[method];
  prototype[method] = function (this: Queueable, values?: Record<string, unknown>) {
    const takeTurn = this[TAKE_TURN];
    if (!takeTurn || answering) return original.call(this, values);
    return takeTurn(() => {
      answering = true;
      try {
        return original.call(this, values);
      } finally {
        answering = false;
      }
    });
  };
}

/** A Drizzle database over one better-sqlite3 connection whose every query is awaited. */
export function queuedSqliteDatabase<TSchema extends Record<string, unknown>>(sqlite: Database.Database, schema: TSchema) {
  const dialect = new SQLiteSyncDialect();
  const tables = extractTablesRelationalConfig(schema, createTableRelationsHelpers);
  const relational = { fullSchema: schema, schema: tables.tables, tableNamesMap: tables.tableNamesMap };
  const session = new BetterSQLiteSession(sqlite, dialect, relational as never) as Session;
  const queue = new FifoLock();
  let savepoints = 0;

  /** Outside the running transaction a statement waits for it; inside, or when idle, it runs now. */
  const inTurn = <T>(run: () => T): Promise<T> => {
    const holder = queue.holder;
    if (holder === null || running.getStore() === holder) {
      try {
        return Promise.resolve(run());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return queue.acquire(Symbol("statement")).then((release) => {
      try {
        return run();
      } finally {
        release();
      }
    });
  };

  const prepare = session.prepareQuery.bind(session);
  session.prepareQuery = ((...args: Parameters<Session["prepareQuery"]>) => {
    const prepared = prepare(...args) as unknown as Queueable;
    // Marked, not wrapped: an object made per query on top of each statement gave V8 a new
    // shape every time, and Drizzle's hot paths ran measurably slower.
    prepared.mode = "async";
    prepared[TAKE_TURN] = inTurn;
    return prepared as unknown as Prepared;
  }) as Session["prepareQuery"];

  const transaction = async (work: Work, config: SQLiteTransactionConfig = {}): Promise<unknown> => {
    const tx = Object.assign(new (SQLiteTransaction as unknown as new (...args: unknown[]) => object)("async", dialect, session, relational), { $engine: "sqlite" });
    const holder = queue.holder;
    if (holder !== null && running.getStore() === holder) {
      // A transaction inside the running one: a savepoint, as Drizzle's own nested transactions.
      const name = `sp${++savepoints}`;
      sqlite.exec(`savepoint ${name}`);
      try {
        const result = await work(tx);
        sqlite.exec(`release savepoint ${name}`);
        return result;
      } catch (error) {
        sqlite.exec(`rollback to savepoint ${name}`);
        sqlite.exec(`release savepoint ${name}`);
        throw error;
      }
    }
    const owner = Symbol("transaction");
    const release = await queue.acquire(owner);
    try {
      // Other connections write to this file too (the import worker, CLI commands, other server
      // processes): a write transaction takes the file's write lock up front, waiting its turn
      // under busy_timeout, rather than failing with SQLITE_BUSY when it first writes.
      sqlite.exec(config.behavior === "deferred" ? "begin deferred" : "begin immediate");
      try {
        const result = await running.run(owner, () => work(tx));
        sqlite.exec("commit");
        return result;
      } catch (error) {
        if (sqlite.inTransaction) sqlite.exec("rollback");
        throw error;
      }
    } finally {
      release();
    }
  };
  session.transaction = transaction as unknown as Session["transaction"];

  const db = new BetterSQLite3Database("async" as never, dialect, session as never, relational as never);
  return Object.assign(db, { $client: sqlite });
}
