import { desc, eq, inArray } from "drizzle-orm";
import { roleChange, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { Role } from "@/lib/vocabulary";
import { isManager, type Actor } from "./actor";
import { Forbidden } from "./errors";

export const RECENT_ROLE_CHANGES = 20;

/** Writes one line of the role trail; called inside the transaction that changes the role. */
export async function recordRoleChange(
  tx: Queryable,
  actor: Actor,
  change: { memberUserId: string; fromRole: Role; toRole: Role; undo: boolean },
) {
  await tx.insert(roleChange).values({ organizationId: actor.teamId, actorUserId: actor.userId, ...change }).run();
}

/** The team's latest role changes, newest first, with both people's names; for managers and owners. */
export async function listRoleChanges(db: Queryable, actor: Actor) {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners see role changes.");
  const rows = await db
    .select({
      id: roleChange.id,
      actorUserId: roleChange.actorUserId,
      memberUserId: roleChange.memberUserId,
      fromRole: roleChange.fromRole,
      toRole: roleChange.toRole,
      undo: roleChange.undo,
      at: roleChange.createdAt,
    })
    .from(roleChange)
    .where(eq(roleChange.organizationId, actor.teamId))
    // The id, not the time: a change and its Undo can share a millisecond.
    .orderBy(desc(roleChange.id))
    .limit(RECENT_ROLE_CHANGES)
    .all();
  const userIds = [...new Set(rows.flatMap((r) => [r.actorUserId, r.memberUserId]))];
  const names = new Map(
    userIds.length === 0
      ? []
      : (await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, userIds)).all()).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    byName: names.get(r.actorUserId) ?? "",
    memberName: names.get(r.memberUserId) ?? "",
    fromRole: r.fromRole,
    toRole: r.toRole,
    undo: r.undo,
    at: r.at,
  }));
}
