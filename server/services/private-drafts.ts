import { and, eq, ne } from "drizzle-orm";
import { script, scriptVersion } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { BoardDimension } from "@/lib/inputs/leaderboard";
import type { Actor } from "./actor";

// A rep's unshared draft is theirs alone: no one else sees its title, not in the library, the
// leaderboard's filters, its boards or its CSV, whatever their role (the library already hid
// drafts from managers). Its voicemails still count in every total, so the team's numbers stay
// whole: on boards that name scripts (by script, version, tag) they are folded into one
// "Private drafts" row, which is never ranked, being no one script.

export type HiddenDrafts = { scriptIds: Set<number>; versionIds: Set<number> };

/** Other members' unshared drafts in the actor's team, deleted ones included (their dials stay counted). */
export async function hiddenDrafts(q: Queryable, actor: Actor): Promise<HiddenDrafts> {
  const rows = await q
    .select({ scriptId: script.id, versionId: scriptVersion.id })
    .from(script)
    .innerJoin(scriptVersion, eq(scriptVersion.scriptId, script.id))
    .where(and(eq(script.teamId, actor.teamId), eq(script.shared, false), ne(script.authorId, actor.userId)))
    .all();
  return { scriptIds: new Set(rows.map((r) => r.scriptId)), versionIds: new Set(rows.map((r) => r.versionId)) };
}

/** The boards whose rows would name a script. */
export const foldsDrafts = (by: BoardDimension | null): by is "script" | "version" | "tag" => by === "script" || by === "version" || by === "tag";

/** Whether a board row's group (a script id, a version id) belongs to someone else's draft. */
export function isHiddenGroup(hidden: HiddenDrafts, by: BoardDimension, group: string): boolean {
  if (by === "script") return hidden.scriptIds.has(Number(group));
  if (by === "version") return hidden.versionIds.has(Number(group));
  return false;
}
