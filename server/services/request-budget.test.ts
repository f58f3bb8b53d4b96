import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openBudgetStore, openPostgresBudgetStore } from "@/db/budget-store";
import { freshPostgresDatabase } from "@/tests/support/postgres-databases";
import { RateLimited } from "./errors";
import { spendBudget, withinConcurrency, type BudgetRule } from "./request-budget";

// Budgets live in a file every server process opens: two connections to one file stand in for
// two processes, and each must see what the other spent.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-budget-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Two stores on one database, as two server processes have: one SQLite file, or one PostgreSQL database in the PostgreSQL run. */
async function twoProcesses(name: string) {
  const cluster = process.env.RINGBACK_TEST_POSTGRES;
  if (cluster) {
    const url = await freshPostgresDatabase(cluster);
    return [openPostgresBudgetStore(url), openPostgresBudgetStore(url)];
  }
  const file = path.join(dir, name);
  return [openBudgetStore(file), openBudgetStore(file)];
}

const rule: BudgetRule = { bucket: "stats", burst: 3, perSecond: 0.5, message: "Slow down." };

async function refusal(run: () => Promise<void>): Promise<RateLimited | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (error instanceof RateLimited) return error;
    throw error;
  }
}

describe("spendBudget", () => {
  it("shares one user's budget between processes and says when a call is regained", async () => {
    const [a, b] = await twoProcesses("shared.budgets");
    const now = 1_000_000;
    await spendBudget(a, "u1", rule, now);
    await spendBudget(b, "u1", rule, now);
    await spendBudget(a, "u1", rule, now);
    const refused = await refusal(() => spendBudget(b, "u1", rule, now));
    expect(refused?.retryAfterSeconds).toBe(2);
    // Someone else's budget is their own; a refusal costs nothing, and 2 s regain one call.
    expect(await refusal(() => spendBudget(b, "u2", rule, now))).toBeNull();
    expect(await refusal(() => spendBudget(a, "u1", rule, now + 1000))).not.toBeNull();
    expect(await refusal(() => spendBudget(a, "u1", rule, now + 2000))).toBeNull();
    expect(await refusal(() => spendBudget(b, "u1", rule, now + 2000))).not.toBeNull();
    // A long quiet spell refills to the burst, not beyond.
    for (let i = 0; i < 3; i++) await spendBudget(a, "u1", rule, now + 600_000);
    expect(await refusal(() => spendBudget(b, "u1", rule, now + 600_000))).not.toBeNull();
    await a.close();
    await b.close();
  });
});

describe("withinConcurrency", () => {
  it("lets one import per user run at a time across processes, and frees the place when it ends", async () => {
    const [a, b] = await twoProcesses("leases.budgets");
    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const first = withinConcurrency(a, "u1", "imports", 1, "Busy.", () => {
      holding();
      return new Promise<void>((r) => (release = r));
    });
    // The place is taken once the work has started (the hold is one awaited statement).
    await held;
    await expect(withinConcurrency(b, "u1", "imports", 1, "Busy.", async () => "second")).rejects.toBeInstanceOf(RateLimited);
    await expect(withinConcurrency(b, "u2", "imports", 1, "Busy.", async () => "other user")).resolves.toBe("other user");
    release();
    await first;
    await expect(withinConcurrency(b, "u1", "imports", 1, "Busy.", async () => "after")).resolves.toBe("after");
    // A failed import frees its place too.
    await expect(withinConcurrency(a, "u1", "imports", 1, "Busy.", async () => Promise.reject(new Error("bad file")))).rejects.toThrow("bad file");
    await expect(withinConcurrency(b, "u1", "imports", 1, "Busy.", async () => "again")).resolves.toBe("again");
    await a.close();
    await b.close();
  });
});
