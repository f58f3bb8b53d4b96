import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openBudgetStore } from "@/db/budget-store";
import { RateLimited } from "./errors";
import { spendBudget, withinConcurrency, type BudgetRule } from "./request-budget";

// Budgets live in a file every server process opens: two connections to one file stand in for
// two processes, and each must see what the other spent.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ringback-budget-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const rule: BudgetRule = { bucket: "stats", burst: 3, perSecond: 0.5, message: "Slow down." };

function refusal(run: () => void): RateLimited | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof RateLimited) return error;
    throw error;
  }
}

describe("spendBudget", () => {
  it("shares one user's budget between processes and says when a call is regained", () => {
    const file = path.join(dir, "shared.budgets");
    const [a, b] = [openBudgetStore(file), openBudgetStore(file)];
    const now = 1_000_000;
    spendBudget(a, "u1", rule, now);
    spendBudget(b, "u1", rule, now);
    spendBudget(a, "u1", rule, now);
    const refused = refusal(() => spendBudget(b, "u1", rule, now));
    expect(refused?.retryAfterSeconds).toBe(2);
    // Someone else's budget is their own; a refusal costs nothing, and 2 s regain one call.
    expect(refusal(() => spendBudget(b, "u2", rule, now))).toBeNull();
    expect(refusal(() => spendBudget(a, "u1", rule, now + 1000))).not.toBeNull();
    expect(refusal(() => spendBudget(a, "u1", rule, now + 2000))).toBeNull();
    expect(refusal(() => spendBudget(b, "u1", rule, now + 2000))).not.toBeNull();
    // A long quiet spell refills to the burst, not beyond.
    for (let i = 0; i < 3; i++) spendBudget(a, "u1", rule, now + 600_000);
    expect(refusal(() => spendBudget(b, "u1", rule, now + 600_000))).not.toBeNull();
    a.close();
    b.close();
  });
});

describe("withinConcurrency", () => {
  it("lets one import per user run at a time across processes, and frees the place when it ends", async () => {
    const file = path.join(dir, "leases.budgets");
    const [a, b] = [openBudgetStore(file), openBudgetStore(file)];
    let release!: () => void;
    const first = withinConcurrency(a, "u1", "imports", 1, "Busy.", () => new Promise<void>((r) => (release = r)));
    await expect(withinConcurrency(b, "u1", "imports", 1, "Busy.", async () => "second")).rejects.toBeInstanceOf(RateLimited);
    await expect(withinConcurrency(b, "u2", "imports", 1, "Busy.", async () => "other user")).resolves.toBe("other user");
    release();
    await first;
    await expect(withinConcurrency(b, "u1", "imports", 1, "Busy.", async () => "after")).resolves.toBe("after");
    // A failed import frees its place too.
    await expect(withinConcurrency(a, "u1", "imports", 1, "Busy.", async () => Promise.reject(new Error("bad file")))).rejects.toThrow("bad file");
    await expect(withinConcurrency(b, "u1", "imports", 1, "Busy.", async () => "again")).resolves.toBe("again");
    a.close();
    b.close();
  });
});
