import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "./client";

// The request budgets (server/services/request-budget.ts) live in a small SQLite file beside the
// main database, shared by every server process on it. Not in the main file: an import holds the
// main file's write lock for seconds, and a budget that had to wait for it would stall every read.
// Derived, throwaway state: it is not backed up, and losing it only refills everyone's budget.

export type BudgetStore = Database.Database;

export const budgetStorePath = (databaseFile: string) => (databaseFile === ":memory:" ? ":memory:" : `${databaseFile}.budgets`);

export function openBudgetStore(file: string = budgetStorePath(databasePath())): BudgetStore {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const store = new Database(file);
  store.pragma("journal_mode = WAL");
  store.pragma("synchronous = OFF");
  store.pragma("busy_timeout = 1000");
  store.exec(`
    create table if not exists token_bucket (
      user_id text not null,
      bucket text not null,
      tokens real not null,
      granted integer not null,
      updated_ms integer not null,
      primary key (user_id, bucket)
    ) without rowid;
    create table if not exists lease (
      holder text not null,
      bucket text not null,
      held integer not null,
      granted integer not null,
      expires_ms integer not null,
      primary key (holder, bucket)
    ) without rowid;
  `);
  return store;
}

const globalForBudgets = globalThis as unknown as { ringbackBudgets?: BudgetStore };

/** The process-wide store, opened on first use (never during `next build`). */
export function getBudgetStore(): BudgetStore {
  globalForBudgets.ringbackBudgets ??= openBudgetStore();
  return globalForBudgets.ringbackBudgets;
}
