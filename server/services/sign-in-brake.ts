import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { Queryable } from "@/db/types";
import { signInBrake } from "@/db/schema";
import { failedAttempt, releaseAttempt, reserveAttempt, type Reservation } from "@/server/domain/sign-in-throttle";

// The brake's counters in the database, each step one IMMEDIATE transaction: the write lock is
// taken before the counter is read, so concurrent sign-ins, in this process or another, are
// decided one after the other.

type Key = string;

async function stateOf(db: Queryable, key: Key) {
  return await db.select().from(signInBrake).where(eq(signInBrake.key, key)).get() ?? null;
}

/** Reserves an attempt for `key` before its password is checked. */
export async function reserveSignIn(db: Db, key: Key, now?: number): Promise<Reservation> {
  return db.transaction(
    async (tx) => {
      // The clock is read once the lock is held: read before, a wait behind a burst of other
      // sign-ins would make the Retry-After it answers longer than the delay.
      const reservation = reserveAttempt(await stateOf(tx, key), now ?? Date.now());
      if (reservation.allowed) {
        const row = { key, ...reservation.state };
        await tx.insert(signInBrake).values(row).onConflictDoUpdate({ target: signInBrake.key, set: reservation.state }).run();
      }
      return reservation;
    },
    { behavior: "immediate" },
  );
}

/** The password was right: the account's count starts again. */
export async function signInSucceeded(db: Db, key: Key) {
  await db.delete(signInBrake).where(eq(signInBrake.key, key)).run();
}

/** The password was wrong: the attempt stays counted, and the delay runs from now. */
export async function signInFailed(db: Db, key: Key, now?: number) {
  await db.transaction(
    async (tx) => {
      const state = await stateOf(tx, key);
      if (state) await tx.update(signInBrake).set(failedAttempt(state, now ?? Date.now())).where(eq(signInBrake.key, key)).run();
    },
    { behavior: "immediate" },
  );
}

/** The attempt was refused for another reason than its password: it does not count. */
export async function signInNotChecked(db: Db, key: Key) {
  await db.transaction(
    async (tx) => {
      const state = await stateOf(tx, key);
      if (!state) return;
      const released = releaseAttempt(state);
      if (released) await tx.update(signInBrake).set(released).where(eq(signInBrake.key, key)).run();
      else await tx.delete(signInBrake).where(eq(signInBrake.key, key)).run();
    },
    { behavior: "immediate" },
  );
}
