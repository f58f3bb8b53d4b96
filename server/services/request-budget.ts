import { getBudgetStore, type BudgetStore } from "@/db/budget-store";
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

/** Takes one call from the user's budget, or throws RateLimited saying when one is regained. */
export async function spendBudget(store: BudgetStore, userId: string, rule: BudgetRule, now = Date.now()) {
  const row = await store.spend({ user: userId, bucket: rule.bucket, burst: rule.burst, perMs: rule.perSecond / 1000, now });
  if (row.granted) return;
  throw new RateLimited(rule.message, Math.max(1, Math.ceil((1 - row.tokens) / rule.perSecond)));
}

/** Longest an import may hold its place: after that a crashed process's hold lapses. */
const LEASE_MS = 15 * 60_000;

/** Runs `work` while holding one of `max` places of `holder` in `bucket`; refuses when all are taken. */
export async function withinConcurrency<T>(store: BudgetStore, holder: string, bucket: string, max: number, message: string, work: () => Promise<T>): Promise<T> {
  const now = Date.now();
  if (!(await store.hold({ holder, bucket, max, now, expires: now + LEASE_MS }))) throw new RateLimited(message, 5);
  try {
    return await work();
  } finally {
    await store.release(holder, bucket);
  }
}


/**
 * better-auth's per-address limits (sign-in, sign-up, …) in the shared store rather than its
 * in-process memory, with its own rule (`max` calls, then a `window` of seconds from the last one
 * let through), so every server process and machine on this database counts the same calls.
 */
export async function consumeAddressLimit(key: string, rule: { window: number; max: number }, store = getBudgetStore(), now = Date.now()) {
  const windowMs = rule.window * 1000;
  const row = await store.count({ key, max: rule.max, windowMs, now });
  return { allowed: row.granted, retryAfter: row.granted ? null : Math.max(1, Math.ceil((row.last + windowMs - now) / 1000)) };
}
