import { and, asc, eq } from "drizzle-orm";
import { member } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { Actor } from "./actor";
import { NotFound } from "./errors";
import { teamBySlug } from "./teams";

/**
 * The command-line tool acts as the team's (first) owner: whoever runs it on the server already
 * holds the whole database, and the services still see an ordinary actor with a team and a role.
 */
export async function teamOwnerActor(db: Queryable, slug: string): Promise<Actor> {
  const team = await teamBySlug(db, slug);
  const owner = await db
    .select({ userId: member.userId })
    .from(member)
    .where(and(eq(member.organizationId, team.id), eq(member.role, "owner")))
    .orderBy(asc(member.createdAt))
    .get();
  if (!owner) throw new NotFound(`Team ${slug} has no owner.`);
  return { userId: owner.userId, teamId: team.id, role: "owner" };
}
