import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { organization } from "@/db/schema";
import { openTestDatabase } from "@/tests/support/fixtures";

// What services and the seed rely on, on either engine: inside `db.transaction`, a statement
// issued on `db` itself (a service called with `db`) is part of the transaction — it sees the
// transaction's rows and rolls back with it — and a transaction begun inside is a savepoint.

let db: Db;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.$close());

const team = (slug: string) => ({ id: `id-${slug}`, name: slug, slug });
const exists = async (slug: string) => Boolean(await db.select({ id: organization.id }).from(organization).where(eq(organization.slug, slug)).get());

describe("a statement on the database inside its open transaction", () => {
  it("sees the transaction's rows and rolls back with it", async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(organization).values(team("inside-a")).run();
        // Through `db`, not `tx`: the row is visible, and this update lands in the transaction.
        expect(await exists("inside-a")).toBe(true);
        const updated = await db.update(organization).set({ name: "renamed" }).where(eq(organization.slug, "inside-a")).run();
        expect(updated.changes).toBe(1);
        await db.insert(organization).values(team("inside-b")).run();
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await exists("inside-a")).toBe(false);
    expect(await exists("inside-b")).toBe(false);
  });

  it("commits with it, and a transaction begun on the database inside is a savepoint", async () => {
    await db.transaction(async () => {
      await db.insert(organization).values(team("kept")).run();
      await expect(
        db.transaction(async () => {
          await db.insert(organization).values(team("inner")).run();
          throw new Error("inner only");
        }),
      ).rejects.toThrow("inner only");
      expect(await exists("inner")).toBe(false);
      await db.transaction(async (inner) => {
        await inner.insert(organization).values(team("inner-kept")).run();
      });
    });
    expect(await exists("kept")).toBe(true);
    expect(await exists("inner-kept")).toBe(true);
    expect(await exists("inner")).toBe(false);
  });

  it("is its own again once the transaction has ended, even when started inside it", async () => {
    let leftRunning: Promise<unknown> | null = null;
    await db.transaction(async (tx) => {
      await tx.insert(organization).values(team("committed-first")).run();
      // Work the transaction starts but does not wait for runs after it, on its own.
      leftRunning = new Promise((resolve) => setTimeout(resolve, 50)).then(() => db.insert(organization).values(team("after")).run());
    });
    await leftRunning;
    expect(await exists("committed-first")).toBe(true);
    expect(await exists("after")).toBe(true);
  });
});
