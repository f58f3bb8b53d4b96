// Real better-auth sessions for tests that call route handlers directly: a credential account as
// better-auth stores one, and the Cookie header a browser would send after signing in.
import { hashPassword } from "better-auth/crypto";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { account } from "@/db/schema";
import { getAuth } from "@/server/auth";
import { newId } from "@/server/services/ids";

export const PASSWORD = "correct-horse-battery";

export async function givePassword(db: Db, userId: string) {
  await db.insert(account).values({ id: newId(), accountId: userId, providerId: "credential", userId, password: await hashPassword(PASSWORD) }).run();
}

/** Signs in through better-auth's API and returns the Cookie header a browser would send. */
export async function signIn(email: string): Promise<string> {
  const response = await (await getAuth()).api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
