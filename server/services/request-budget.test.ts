import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openBudgetStore, openPostgresBudgetStore } from "@/db/budget-store";
import { freshPostgresDatabase } from "@/tests/support/postgres-databases";
import { RateLimited } from "./errors";
import { consumeAddressLimit, spendBudget, withinConcurrency, type BudgetRule } from "./request-budget";

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

describe("consumeAddressLimit", () => {
  it("counts one address's sign-ups across processes by better-auth's rule: max calls, then a window after the last one let through", async () => {
    const [a, b] = await twoProcesses("addresses.budgets");
    const rule = { window: 60, max: 3 };
    const start = 5_000_000;
    expect(await consumeAddressLimit("203.0.113.9/sign-up/email", rule, a, start)).toEqual({ allowed: true, retryAfter: null });
    expect((await consumeAddressLimit("203.0.113.9/sign-up/email", rule, b, start + 10_000)).allowed).toBe(true);
    expect((await consumeAddressLimit("203.0.113.9/sign-up/email", rule, a, start + 20_000)).allowed).toBe(true);
    // The fourth, through the other process, is refused until a minute after the third.
    expect(await consumeAddressLimit("203.0.113.9/sign-up/email", rule, b, start + 30_000)).toEqual({ allowed: false, retryAfter: 50 });
    // Refusals do not move the window; another address or path has its own count.
    expect((await consumeAddressLimit("203.0.113.9/sign-up/email", rule, a, start + 79_000)).allowed).toBe(false);
    expect((await consumeAddressLimit("203.0.113.10/sign-up/email", rule, a, start + 30_000)).allowed).toBe(true);
    expect((await consumeAddressLimit("203.0.113.9/sign-in/email", rule, b, start + 30_000)).allowed).toBe(true);
    // A minute after the last call let through, the count starts again from one.
    expect((await consumeAddressLimit("203.0.113.9/sign-up/email", rule, b, start + 80_000)).allowed).toBe(true);
    expect((await consumeAddressLimit("203.0.113.9/sign-up/email", rule, a, start + 80_001)).allowed).toBe(true);
    expect((await consumeAddressLimit("203.0.113.9/sign-up/email", rule, a, start + 80_002)).allowed).toBe(true);
    expect((await consumeAddressLimit("203.0.113.9/sign-up/email", rule, b, start + 80_003)).allowed).toBe(false);
    await a.close();
    await b.close();
  });

  it("lets exactly max of many simultaneous calls through", async () => {
    const [a, b] = await twoProcesses("simultaneous.budgets");
    const rule = { window: 60, max: 10 };
    const now = 9_000_000;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => consumeAddressLimit("198.51.100.7/sign-in/email", rule, i % 2 ? a : b, now)));
    expect(answers.filter((x) => x.allowed)).toHaveLength(10);
    await a.close();
    await b.close();
  });
});
