import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { member, organization, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { ProfileInput } from "@/lib/inputs/profile";
import { normalisePhone } from "@/server/domain/phone";
import type { Actor } from "./actor";
import { Invalid, NotFound } from "./errors";

/** The acting member as their scripts see them; the phone is per team (a rep may dial for two). */
export async function getProfile(db: Queryable, actor: Actor) {
  const row = await db
    .select({ name: user.name, email: user.email, phone: member.phone, wordsPerMinute: member.wordsPerMinute, teamWordsPerMinute: organization.wordsPerMinute })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(and(eq(member.organizationId, actor.teamId), eq(member.userId, actor.userId)))
    .get();
  if (!row) throw new NotFound("You are not a member of this team.");
  return row;
}

/** Saves name, phone and speaking rate together, the phone normalised with the team's region. */
export async function updateProfile(db: Db, actor: Actor, input: ProfileInput) {
  return db.transaction(async (tx) => {
    const team = await tx.select({ region: organization.defaultRegion }).from(organization).where(eq(organization.id, actor.teamId)).get();
    if (!team) throw new NotFound("Team not found.");
    let phone: string | null = null;
    if (input.phone !== "") {
      phone = normalisePhone(input.phone, team.region);
      if (!phone) throw new Invalid(`“${input.phone}” is not a phone number.`);
    }
    // The user row is shared by every team the person is in: touched only when the name changes.
    await tx.update(user)
      .set({ name: input.name, updatedAt: new Date() })
      .where(and(eq(user.id, actor.userId), ne(user.name, input.name)))
      .run();
    await tx.update(member)
      .set({ phone, wordsPerMinute: input.wordsPerMinute })
      .where(and(eq(member.organizationId, actor.teamId), eq(member.userId, actor.userId)))
      .run();
    return getProfile(tx, actor);
  });
}
