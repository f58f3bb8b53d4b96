import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseLocation } from "./location";
import { turnToWal } from "./sqlite-wal";

// The request budgets (server/services/request-budget.ts): a token bucket per user and kind of
// call, and leases for calls that run alongside others. Every server process on one database
// draws on the same store, so nothing is kept in one process's memory:
// - SQLite: a small file beside the main database. Not in the main file: an import holds the
//   main file's write lock for seconds, and a budget that had to wait for it would stall reads.
// - PostgreSQL: two UNLOGGED tables in the database itself, so servers on several machines share
//   them; every check is one autocommit UPSERT, outside the services' writer lock.
// Derived, throwaway state either way: not backed up, and losing it only refills everyone's budget.

export type Spend = { user: string; bucket: string; burst: number; perMs: number; now: number };
export type Hold = { holder: string; bucket: string; max: number; now: number; expires: number };
export type Count = { key: string; max: number; windowMs: number; now: number };

export interface BudgetStore {
  /** Takes one token if there is one; `tokens` is what is left (or missing) after. */
  spend(request: Spend): Promise<{ tokens: number; granted: boolean }>;
  /** Takes one of `max` places until `expires`; a lapsed hold is taken over. */
  hold(request: Hold): Promise<boolean>;
  release(holder: string, bucket: string): Promise<void>;
  /**
   * better-auth's per-address rule: up to `max` calls, then none until `windowMs` after the last
   * call let through. `last` is when that was.
   */
  count(request: Count): Promise<{ granted: boolean; last: number }>;
  close(): Promise<void>;
}

// Each statement is written once with named parameters; `least`/`greatest` on PostgreSQL are
// SQLite's two-argument min/max. References in an UPSERT's SET read the row as it was.
const statements = (least: string, greatest: string, real = "") => {
  const refilled = `${least}(@burst${real}, token_bucket.tokens + ${greatest}(0, @now - token_bucket.updated_ms) * @perMs${real})`;
  return {
    spend: `
      insert into token_bucket (user_id, bucket, tokens, granted, updated_ms) values (@user, @bucket, @burst${real} - 1, 1, @now)
      on conflict (user_id, bucket) do update set
        tokens = ${refilled} - (case when ${refilled} >= 1 then 1 else 0 end),
        granted = case when ${refilled} >= 1 then 1 else 0 end,
        updated_ms = ${greatest}(token_bucket.updated_ms, @now)
      returning tokens, granted`,
    hold: `
      insert into lease (holder, bucket, held, granted, expires_ms) values (@holder, @bucket, 1, 1, @expires)
      on conflict (holder, bucket) do update set
        held = case when lease.expires_ms < @now then 1 when lease.held < @max then lease.held + 1 else lease.held end,
        granted = case when lease.expires_ms < @now or lease.held < @max then 1 else 0 end,
        expires_ms = case when lease.expires_ms < @now or lease.held < @max then @expires else lease.expires_ms end
      returning granted`,
    release: `update lease set held = ${greatest}(0, held - 1) where holder = @holder and bucket = @bucket`,
    count: `
      insert into rate_window (key, count, granted, last_ms) values (@key, 1, 1, @now)
      on conflict (key) do update set
        count = case when @now - rate_window.last_ms >= @windowMs then 1 when rate_window.count < @max then rate_window.count + 1 else rate_window.count end,
        granted = case when @now - rate_window.last_ms >= @windowMs or rate_window.count < @max then 1 else 0 end,
        last_ms = case when @now - rate_window.last_ms >= @windowMs or rate_window.count < @max then @now else rate_window.last_ms end
      returning granted, last_ms`,
    // Windows are a minute at most: a row untouched for a day only takes room.
    prune: `delete from rate_window where last_ms < @before`,
  };
};

const TABLES = (unlogged: string, real: string, withoutRowid: string) => [
  `create ${unlogged} table if not exists token_bucket (
    user_id text not null, bucket text not null, tokens ${real} not null, granted integer not null, updated_ms bigint not null,
    primary key (user_id, bucket)) ${withoutRowid}`,
  `create ${unlogged} table if not exists lease (
    holder text not null, bucket text not null, held integer not null, granted integer not null, expires_ms bigint not null,
    primary key (holder, bucket)) ${withoutRowid}`,
  `create ${unlogged} table if not exists rate_window (
    key text not null primary key, count integer not null, granted integer not null, last_ms bigint not null) ${withoutRowid}`,
];

const PRUNE_EVERY = 1000;
const PRUNE_AGE_MS = 24 * 60 * 60_000;

export const budgetStorePath = (databaseFile: string) => (databaseFile === ":memory:" ? ":memory:" : `${databaseFile}.budgets`);

/** The SQLite store in `file` (`:memory:` for a private one). */
export function openBudgetStore(file: string): BudgetStore {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Server processes open a new file at the same moment: they wait for each other's locks.
  const store = new Database(file, { timeout: 5000 });
  turnToWal(store);
  store.pragma("synchronous = OFF");
  for (const statement of TABLES("", "real", "without rowid")) store.exec(statement);
  // Compiled once: compiling cost as much as running them.
  const sql = statements("min", "max");
  const spend = store.prepare(sql.spend);
  const hold = store.prepare(sql.hold);
  const release = store.prepare(sql.release);
  const count = store.prepare(sql.count);
  const prune = store.prepare(sql.prune);
  let counted = 0;
  return {
    async spend(request) {
      const row = spend.get(request) as { tokens: number; granted: number };
      return { tokens: row.tokens, granted: row.granted === 1 };
    },
    async hold(request) {
      return (hold.get(request) as { granted: number }).granted === 1;
    },
    async release(holder, bucket) {
      release.run({ holder, bucket });
    },
    async count(request) {
      if (++counted % PRUNE_EVERY === 0) prune.run({ before: request.now - PRUNE_AGE_MS });
      const row = count.get(request) as { granted: number; last_ms: number };
      return { granted: row.granted === 1, last: row.last_ms };
    },
    async close() {
      store.close();
    },
  };
}

/** `@name` parameters as PostgreSQL's `$n`, in the order of `names`. */
function positional(source: string, names: string[]): string {
  return source.replace(/@(\w+)/g, (_, name: string) => `$${names.indexOf(name) + 1}`);
}

/** The PostgreSQL store: tables in the database at `url`, made on first use. */
export function openPostgresBudgetStore(url: string): BudgetStore {
  const pool = new pg.Pool({ connectionString: url, max: 2, idleTimeoutMillis: 10_000 });
  pool.on("error", () => {});
  // Parameters typed where PostgreSQL would infer an integer from the bigint column beside them.
  const sql = statements("least", "greatest", "::float8");
  const spendNames = ["user", "bucket", "burst", "perMs", "now"];
  const holdNames = ["holder", "bucket", "max", "now", "expires"];
  const countNames = ["key", "max", "windowMs", "now"];
  const queries = {
    spend: positional(sql.spend, spendNames),
    hold: positional(sql.hold, holdNames),
    release: positional(sql.release, ["holder", "bucket"]),
    count: positional(sql.count, countNames).replace(/\$4/g, "$4::bigint").replace(/\$3/g, "$3::bigint"),
    prune: positional(sql.prune, ["before"]),
  };
  let counted = 0;
  let ready: Promise<unknown> | null = null;
  // Made on first use, one process at a time (two concurrent CREATE IF NOT EXISTS can collide).
  const tables = () =>
    (ready ??= (async () => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        await client.query("select pg_advisory_xact_lock(7241511)");
        for (const statement of TABLES("unlogged", "double precision", "")) await client.query(statement);
        await client.query("commit");
      } catch (error) {
        await client.query("rollback").catch(() => {});
        ready = null;
        throw error;
      } finally {
        client.release();
      }
    })());
  return {
    async spend(request) {
      await tables();
      const { rows } = await pool.query(queries.spend, spendNames.map((n) => request[n as keyof Spend]));
      return { tokens: Number(rows[0].tokens), granted: Number(rows[0].granted) === 1 };
    },
    async hold(request) {
      await tables();
      const { rows } = await pool.query(queries.hold, holdNames.map((n) => request[n as keyof Hold]));
      return Number(rows[0].granted) === 1;
    },
    async release(holder, bucket) {
      await tables();
      await pool.query(queries.release, [holder, bucket]);
    },
    async count(request) {
      await tables();
      if (++counted % PRUNE_EVERY === 0) await pool.query(queries.prune, [request.now - PRUNE_AGE_MS]);
      const { rows } = await pool.query(queries.count, countNames.map((n) => request[n as keyof Count]));
      return { granted: Number(rows[0].granted) === 1, last: Number(rows[0].last_ms) };
    },
    async close() {
      await pool.end();
    },
  };
}

/** The store of the database at DATABASE_URL. */
export function openConfiguredBudgetStore(): BudgetStore {
  const location = databaseLocation();
  return location.engine === "postgres" ? openPostgresBudgetStore(location.url) : openBudgetStore(budgetStorePath(location.file));
}

const globalForBudgets = globalThis as unknown as { ringbackBudgets?: BudgetStore };

/** The process-wide store, opened on first use (never during `next build`). */
export function getBudgetStore(): BudgetStore {
  globalForBudgets.ringbackBudgets ??= openConfiguredBudgetStore();
  return globalForBudgets.ringbackBudgets;
}
