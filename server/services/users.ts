import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { account, user } from "@/db/schema";
import { Conflict } from "./errors";
import { newId } from "./ids";

/**
 * Creates a user with an email + password account in the rows better-auth reads
 * (credential provider, its own password hash), so CLI-made users sign in on the web.
 */
export async function createUser(db: Db, input: { email: string; name: string; password: string; verified?: boolean }) {
  const email = input.email.trim().toLowerCase();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await tx.select({ id: user.id }).from(user).where(eq(user.email, email)).get()) {
      throw new Conflict(`A user with email ${email} already exists.`);
    }
    const id = newId();
    await tx.insert(user).values({ id, email, name: input.name.trim(), emailVerified: input.verified ?? false }).run();
    await tx.insert(account).values({ id: newId(), accountId: id, providerId: "credential", userId: id, password: passwordHash }).run();
    return { id, email, name: input.name.trim() };
  });
}

export async function findUserByEmail(db: Db, email: string) {
  return await db.select().from(user).where(eq(user.email, email.trim().toLowerCase())).get() ?? null;
}

/** The signed-in user as the app shows them, with whether their address is verified. */
export async function signedInAccount(db: Db, signedIn: { id: string; name: string; email: string }) {
  const row = await db.select({ emailVerified: user.emailVerified }).from(user).where(eq(user.id, signedIn.id)).get();
  return { ...signedIn, emailVerified: row?.emailVerified ?? false };
}
