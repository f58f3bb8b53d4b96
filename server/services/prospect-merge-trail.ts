import { and, desc, eq, inArray } from "drizzle-orm";
import { prospect, prospectMerge, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { isManager, type Actor } from "./actor";
import { Forbidden } from "./errors";
import { mergeUndoable } from "./prospect-merge";
import { mergeMoves } from "./prospect-merge-record";

export const RECENT_MERGES = 20;

/**
 * The team's latest prospect merges, newest first: who merged whom into whom, what moved, and who
 * undid it. `undoable` says whether the Undo is offered (not undone, within the window, the kept
 * prospect still there); a phone number taken since is only found when it is tried.
 */
export async function listMerges(db: Queryable, actor: Actor) {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners see prospect merges.");
  const rows = await db
    .select()
    .from(prospectMerge)
    .where(eq(prospectMerge.teamId, actor.teamId))
    // The id, not the time: a merge and the next can share a millisecond.
    .orderBy(desc(prospectMerge.id))
    .limit(RECENT_MERGES)
    .all();
  const userIds = [...new Set(rows.flatMap((r) => (r.undoneById ? [r.mergedById, r.undoneById] : [r.mergedById])))];
  const names = new Map(
    userIds.length === 0 ? [] : (await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, userIds)).all()).map((u) => [u.id, u.name]),
  );
  const keptIds = [...new Set(rows.map((r) => r.keptId))];
  const present = new Set(
    keptIds.length === 0 ? [] : (await db.select({ id: prospect.id }).from(prospect).where(and(eq(prospect.teamId, actor.teamId), inArray(prospect.id, keptIds))).all()).map((p) => p.id),
  );
  const now = Date.now();
  return rows.map((r) => {
    const moved = mergeMoves.safeParse(JSON.parse(r.moved));
    return {
      id: r.id,
      keptId: r.keptId,
      keptName: r.keptName,
      duplicateId: r.duplicateId,
      duplicateName: r.duplicateName,
      attempts: moved.success ? moved.data.attemptIds.length : null,
      callbacks: moved.success ? moved.data.callbackIds.length : null,
      byName: names.get(r.mergedById) ?? "",
      at: r.createdAt,
      undoneByName: r.undoneById ? (names.get(r.undoneById) ?? "") : r.undoneAt ? "" : null,
      undoneAt: r.undoneAt,
      undoable: moved.success && mergeUndoable(r, now) && present.has(r.keptId),
    };
  });
}
