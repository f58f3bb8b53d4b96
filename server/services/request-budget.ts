import type { Statement } from "better-sqlite3";
import type { BudgetStore } from "@/db/budget-store";
import { RateLimited } from "./errors";

// Per-user budgets for the expensive calls (issue 11, item 1): a token bucket per user and kind
// of call, and for calls that run alongside others (imports) a cap on how many one user has in
// flight. Each check is one atomic UPSERT in the shared store (db/budget-store.ts), so several
// server processes on one database draw on the same budget; nothing is kept in process memory.

export type BudgetRule = {
  bucket: string;
  /** Calls allowed at once after a quiet spell. */
  burst: number;
  /** Calls regained per second. */
  perSecond: number;
  /** Said to the caller when the budget is spent. */
  message: string;
};

function fromEnv(variable: string, fallback: number): number {
  const value = Number(process.env[variable]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Leaderboards, the overview and drill-downs. The leaderboard page makes about five per view. */
export function statsReadRule(): BudgetRule {
  const perSecond = fromEnv("RINGBACK_STATS_READS_PER_SECOND", 5);
  return { bucket: "stats", burst: Math.max(30, Math.round(perSecond * 6)), perSecond, message: "Too many statistics requests at once; wait a moment and try again." };
}

/** Web imports, dry runs included: a check and a real run make two. */
export function importRule(): BudgetRule {
  const perMinute = fromEnv("RINGBACK_IMPORTS_PER_MINUTE", 6);
  return { bucket: "imports", burst: Math.max(6, Math.round(perMinute)), perSecond: perMinute / 60, message: "Too many imports in a short time; wait a minute and try again." };
}

// References in an UPSERT's SET read the row as it was, so `refilled` is the same value in each.
const refilled = "min(@burst, tokens + max(0, @now - updated_ms) * @perMs)";
const SPEND_SQL = `
  insert into token_bucket (user_id, bucket, tokens, granted, updated_ms) values (@user, @bucket, @burst - 1, 1, @now)
  on conflict (user_id, bucket) do update set
    tokens = ${refilled} - (case when ${refilled} >= 1 then 1 else 0 end),
    granted = case when ${refilled} >= 1 then 1 else 0 end,
    updated_ms = max(updated_ms, @now)
  returning tokens, granted`;

const prepared = new WeakMap<BudgetStore, Map<string, Statement>>();

/** Each statement compiled once per connection: compiling cost as much as running it. */
function statement(store: BudgetStore, source: string): Statement {
  let kept = prepared.get(store);
  if (!kept) prepared.set(store, (kept = new Map()));
  let found = kept.get(source);
  if (!found) kept.set(source, (found = store.prepare(source)));
  return found;
}

/** Takes one call from the user's budget, or throws RateLimited saying when one is regained. */
export function spendBudget(store: BudgetStore, userId: string, rule: BudgetRule, now = Date.now()) {
  const row = statement(store, SPEND_SQL).get({ user: userId, bucket: rule.bucket, burst: rule.burst, perMs: rule.perSecond / 1000, now }) as { tokens: number; granted: number };
  if (row.granted) return;
  throw new RateLimited(rule.message, Math.max(1, Math.ceil((1 - row.tokens) / rule.perSecond)));
}

/** Longest an import may hold its place: after that a crashed process's hold lapses. */
const LEASE_MS = 15 * 60_000;

const HOLD_SQL = `
  insert into lease (holder, bucket, held, granted, expires_ms) values (@holder, @bucket, 1, 1, @expires)
  on conflict (holder, bucket) do update set
    held = case when expires_ms < @now then 1 when held < @max then held + 1 else held end,
    granted = case when expires_ms < @now or held < @max then 1 else 0 end,
    expires_ms = case when expires_ms < @now or held < @max then @expires else expires_ms end
  returning granted`;
const RELEASE_SQL = "update lease set held = max(0, held - 1) where holder = @holder and bucket = @bucket";

/** Runs `work` while holding one of `max` places of `holder` in `bucket`; refuses when all are taken. */
export async function withinConcurrency<T>(store: BudgetStore, holder: string, bucket: string, max: number, message: string, work: () => Promise<T>): Promise<T> {
  const now = Date.now();
  const row = statement(store, HOLD_SQL).get({ holder, bucket, max, now, expires: now + LEASE_MS }) as { granted: number };
  if (!row.granted) throw new RateLimited(message, 5);
  try {
    return await work();
  } finally {
    statement(store, RELEASE_SQL).run({ holder, bucket });
  }
}
