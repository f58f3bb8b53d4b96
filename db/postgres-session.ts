import { AsyncLocalStorage } from "node:async_hooks";
import { sql, type SQLWrapper } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { NodePgPreparedQuery, NodePgSession } from "drizzle-orm/node-postgres/session";
import { PgDatabase, PgDeleteBase, PgInsertBase, PgSelectBase, PgUpdateBase } from "drizzle-orm/pg-core";
import type { SQLiteTransactionConfig } from "drizzle-orm/sqlite-core";
import pg from "pg";
import { FifoLock } from "./fifo-lock";
import type { WriteLock } from "./team-writes";

// PostgreSQL behind the service layer's one vocabulary. The services speak Drizzle's async SQLite
// API — the builders plus the terminal `.all()`, `.get()`, `.run()`, `.values()` — because Drizzle
// has no type common to both dialects (DIALECTS.md §2); here those four terminals are given to the
// pg builders and databases, each running the query exactly once. Values are stored in the same
// representation as SQLite (epoch-ms bigint, 0/1 smallint, JSON as text; db/schema-pg.ts), so the
// SQLite table objects map them correctly on both engines.

// int8 (count(*), sum(), bigint columns) and numeric come back as strings by default; every value
// Ringback stores is far below 2^53. Drizzle's queries read pg's global parsers, hence global.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

type RunResult = { changes: number; rows: unknown[] };
const toRun = (result: pg.QueryResult): RunResult => ({ changes: result.rowCount ?? 0, rows: result.rows });

type RawDb = { execute(query: SQLWrapper): Promise<pg.QueryResult> };
type Executable = { execute(values?: Record<string, unknown>): Promise<unknown> };

/** A builder executes to mapped rows (selects, `.returning()`) or to pg's QueryResult (plain writes). */
const rowsOf = (result: unknown): unknown[] => (Array.isArray(result) ? result : (result as pg.QueryResult).rows);

function addTerminals(prototype: object, execute: (self: Executable, values?: Record<string, unknown>) => Promise<unknown>) {
  Object.defineProperties(prototype, {
    all: { configurable: true, async value(this: Executable, values?: Record<string, unknown>) { return rowsOf(await execute(this, values)); } },
    get: { configurable: true, async value(this: Executable, values?: Record<string, unknown>) { return rowsOf(await execute(this, values))[0]; } },
    run: {
      configurable: true,
      async value(this: Executable, values?: Record<string, unknown>) {
        const result = await execute(this, values);
        return Array.isArray(result) ? { changes: result.length, rows: result } : toRun(result as pg.QueryResult);
      },
    },
    values: {
      configurable: true,
      async value(this: Executable, values?: Record<string, unknown>) {
        return (rowsOf(await execute(this, values)) as Record<string, unknown>[]).map((row) => Object.values(row));
      },
    },
  });
}

let terminalsAdded = false;
function addTerminalsOnce() {
  if (terminalsAdded) return;
  terminalsAdded = true;
  // A builder without `.returning()` executes to pg's QueryResult; with it, to the mapped rows.
  for (const builder of [PgSelectBase, PgInsertBase, PgUpdateBase, PgDeleteBase]) {
    addTerminals(builder.prototype, (self, values) => (values ? (self as unknown as { prepare(name?: string): Executable }).prepare().execute(values) : self.execute()));
  }
  addTerminals(NodePgPreparedQuery.prototype, (self, values) => self.execute(values));
  // Raw SQL: db.all(sql`…`) and friends, on the database and on a transaction.
  const result = (db: unknown, query: SQLWrapper) => (db as RawDb).execute(query);
  Object.defineProperties(PgDatabase.prototype, {
    all: { configurable: true, async value(this: unknown, query: SQLWrapper) { return (await result(this, query)).rows; } },
    get: { configurable: true, async value(this: unknown, query: SQLWrapper) { return (await result(this, query)).rows[0]; } },
    run: { configurable: true, async value(this: unknown, query: SQLWrapper) { return toRun(await result(this, query)); } },
    values: {
      configurable: true,
      async value(this: unknown, query: SQLWrapper) {
        return ((await result(this, query)).rows as Record<string, unknown>[]).map((row) => Object.values(row));
      },
    },
  });
}

/** Every write transaction takes this lock first: one writer at a time, as on SQLite. */
const WRITER_LOCK = 7_241_509;
/**
 * A team's writers (db/team-writes.ts) take the writer lock shared and then their team's own,
 * keyed in this namespace by a hash of the team id: teams write side by side, a team's writers
 * one at a time, and a writer that spans teams (exclusive) still waits for all of them. Always
 * in this order, so no two writers wait for each other.
 */
const TEAM_WRITERS = 7_241_510;

/**
 * Transactions with SQLite's meaning on PostgreSQL. A write transaction (the default) runs READ
 * COMMITTED after taking a transaction-scoped advisory lock, so writers across every process are
 * serialized as SQLite's BEGIN IMMEDIATE serializes them: the services' read-then-write steps
 * (the next voicemail number, re-attribution) need no per-query locking. A `deferred` transaction
 * is the read snapshot: REPEATABLE READ, READ ONLY, taking no lock.
 */
type Session = NodePgSession<Record<string, unknown>, never>;

function sqliteLikeTransactions(db: NodePgDatabase<Record<string, unknown>>) {
  const transaction = db.transaction.bind(db);
  // The transaction open in this request, as SQLite's queue knows it (db/sqlite-session.ts): a
  // transaction begun on the database inside it becomes a savepoint of it instead of taking a
  // second connection and waiting for the writer lock the first holds; and a statement issued on
  // the database inside it runs on its connection, inside it, as on SQLite — not on another
  // connection of the pool, where it would not see the transaction's rows nor roll back with it.
  type Open = { tx: NodePgDatabase<Record<string, unknown>> & { session: Session }; active: boolean };
  const open = new AsyncLocalStorage<Open>();
  // A process's writers take their turn here before they take a pool connection: only one of them
  // at a time waits for (or holds) the writer lock, so queued writes never hold every connection
  // of the pool while reads wait for one, and the lock has one waiter per process, not one per
  // connection.
  // A team's writers queue apart from other teams' ("" is the whole database's).
  const writers = new Map<string, FifoLock>();
  const writeInTurn = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    let turn = writers.get(key);
    if (!turn) writers.set(key, (turn = new FifoLock()));
    const release = await turn.acquire(Symbol("writer"));
    try {
      return await work();
    } finally {
      release();
      if (turn.idle) writers.delete(key);
    }
  };
  const current = () => {
    const state = open.getStore();
    return state?.active ? state.tx : undefined;
  };
  // Every handle says which engine it is on (db/types.ts engineOf): the seams read it.
  const tagged = (tx: object) => Object.assign(tx, { $engine: "postgres" });
  db.transaction = ((work: (tx: unknown) => Promise<unknown>, config?: SQLiteTransactionConfig) => {
    const outer = current();
    if (outer) return outer.transaction((tx) => work(tagged(tx)));
    const inside = async (tx: Parameters<Parameters<typeof transaction>[0]>[0]) => {
      // Marked closed when the work ends: anything it left running must not reach a connection
      // that is back in the pool, perhaps already another request's.
      const state: Open = { tx: tx as unknown as Open["tx"], active: true };
      try {
        return await open.run(state, () => work(tagged(tx)));
      } finally {
        state.active = false;
      }
    };
    // Not READ ONLY: a read may record what it showed (Today's experiment arm is assigned on first look).
    if (config?.behavior === "deferred") return transaction(inside, { isolationLevel: "repeatable read" });
    const team = (config as WriteLock | undefined)?.team;
    const lock =
      team === undefined
        ? sql`select pg_advisory_xact_lock(${WRITER_LOCK})`
        : sql`select pg_advisory_xact_lock_shared(${WRITER_LOCK}), pg_advisory_xact_lock(${TEAM_WRITERS}, hashtext(${team}))`;
    return writeInTurn(team ?? "", () =>
      transaction(async (tx) => {
        await tx.execute(lock);
        return inside(tx);
      }),
    );
  }) as typeof db.transaction;
  const session = (db as unknown as { session: Session }).session;
  const prepare = session.prepareQuery.bind(session);
  session.prepareQuery = ((...args: Parameters<Session["prepareQuery"]>) => {
    const outer = current();
    return outer ? outer.session.prepareQuery(...args) : prepare(...args);
  }) as Session["prepareQuery"];
}

export type PostgresHandle = { db: NodePgDatabase<Record<string, unknown>>; pool: pg.Pool };

/** A pool and a Drizzle database over it, with the services' terminals and transactions. */
export function openPostgresPool<TSchema extends Record<string, unknown>>(url: string, schema: TSchema, { readOnly = false } = {}): PostgresHandle {
  addTerminalsOnce();
  const pool = new pg.Pool({
    connectionString: url,
    // RINGBACK_PG_POOL=1 in the tests: a query that bypasses its transaction's connection deadlocks there.
    max: Number(process.env.RINGBACK_PG_POOL || 10),
    idleTimeoutMillis: 10_000,
    ...(readOnly ? { options: "-c default_transaction_read_only=on" } : {}),
  });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const db = drizzle(pool, { schema }) as unknown as NodePgDatabase<Record<string, unknown>>;
  sqliteLikeTransactions(db);
  return { db, pool };
}

export { NodePgSession };
