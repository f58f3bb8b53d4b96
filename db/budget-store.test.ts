import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { budgetStorePathFor, openBudgetStore } from "./budget-store";
import { databaseLocation } from "./location";

// Every tRPC request opens the request budgets first; on a PostgreSQL DATABASE_URL that used to
// throw "This needs a SQLite database file", so every call of a PostgreSQL server answered 500.

describe("where the request budgets live", () => {
  it("beside a SQLite file", () => {
    expect(budgetStorePathFor(databaseLocation("/srv/ringback.db"))).toBe("/srv/ringback.db.budgets");
  });

  it("for PostgreSQL, in one temporary file per database URL, shared by that database's processes", () => {
    const a = budgetStorePathFor(databaseLocation("postgres://app@db.internal:5432/ringback"));
    expect(path.dirname(a)).toBe(os.tmpdir());
    expect(budgetStorePathFor(databaseLocation("postgres://app@db.internal:5432/ringback"))).toBe(a);
    expect(budgetStorePathFor(databaseLocation("postgres://app@db.internal:5432/other"))).not.toBe(a);
  });

  it("opens for a PostgreSQL DATABASE_URL", () => {
    const before = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `postgres://ringback@127.0.0.1:1/budget_test_${process.pid}`;
    try {
      const store = openBudgetStore();
      expect(store.prepare("select count(*) from token_bucket").pluck().get()).toBe(0);
      const file = store.name;
      store.close();
      fs.rmSync(file, { force: true });
      for (const suffix of ["-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    } finally {
      if (before === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = before;
    }
  });
});
