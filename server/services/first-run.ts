import { and, eq, isNull, ne, or } from "drizzle-orm";
import { attempt, invitation, member, script } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { isManager, type Actor } from "./actor";

export type FirstRunStep = { key: "script" | "phone" | "invite" | "import"; done: boolean };

/**
 * A new team's first steps, each read from what the team has (a script, the caller's phone,
 * a second member or a pending invite, any dial): nothing to dismiss, so it disappears when
 * done. Inviting and importing are managers' work, so reps see only the first two.
 */
export async function firstRunSteps(db: Queryable, actor: Actor): Promise<FirstRunStep[]> {
  const exists = async (q: { get: () => Promise<unknown> }) => (await q.get()) !== undefined;
  const hasScript = await exists(
    db
      .select({ id: script.id })
      .from(script)
      .where(and(eq(script.teamId, actor.teamId), isNull(script.deletedAt), or(eq(script.shared, true), eq(script.authorId, actor.userId))))
      .limit(1),
  );
  const me = await db
    .select({ phone: member.phone })
    .from(member)
    .where(and(eq(member.organizationId, actor.teamId), eq(member.userId, actor.userId)))
    .get();
  const steps: FirstRunStep[] = [
    { key: "script", done: hasScript },
    { key: "phone", done: Boolean(me?.phone) },
  ];
  if (!isManager(actor)) return steps;
  const hasColleague =
    (await exists(db.select({ id: member.id }).from(member).where(and(eq(member.organizationId, actor.teamId), ne(member.userId, actor.userId))).limit(1))) ||
    (await exists(db.select({ id: invitation.id }).from(invitation).where(and(eq(invitation.organizationId, actor.teamId), eq(invitation.status, "pending"))).limit(1)));
  const hasHistory = await exists(db.select({ id: attempt.id }).from(attempt).where(eq(attempt.teamId, actor.teamId)).limit(1));
  return [...steps, { key: "invite", done: hasColleague }, { key: "import", done: hasHistory }];
}
