import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { script, scriptTag, scriptVersion } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { CreateScriptInput } from "@/lib/inputs/scripts";
import { createScriptInput } from "@/lib/inputs/scripts";
import { parseTemplate, renderScript, SAMPLE_VALUES, wordCount } from "@/server/domain/script-template";
import type { Actor } from "./actor";
import { Conflict, Invalid, NotFound } from "./errors";

/** Scripts the actor may see: shared ones, plus their own drafts. */
const visibleTo = (actor: Actor) =>
  and(eq(script.teamId, actor.teamId), isNull(script.deletedAt), or(eq(script.shared, true), eq(script.authorId, actor.userId)));

export function assertValidBody(body: string) {
  const { problems } = parseTemplate(body);
  if (problems.length) throw new Invalid(problems.map((p) => p.message).join(" "));
}

/** Words as spoken, with placeholders filled by a sample prospect and rep. */
export const spokenWords = (body: string) => wordCount(renderScript(body, SAMPLE_VALUES));

export function createScript(db: Db, actor: Actor, raw: CreateScriptInput) {
  const input = createScriptInput.parse(raw);
  assertValidBody(input.body);
  return db.transaction((tx) => {
    const clash = tx.select({ id: script.id }).from(script).where(and(eq(script.teamId, actor.teamId), eq(script.title, input.title))).get();
    if (clash) throw new Conflict(`A script titled “${input.title}” already exists.`);
    const created = tx
      .insert(script)
      .values({ teamId: actor.teamId, title: input.title, stage: input.stage, authorId: actor.userId, shared: input.shared })
      .returning()
      .get();
    const tags = [...new Set(input.tags)];
    if (tags.length) tx.insert(scriptTag).values(tags.map((tag) => ({ scriptId: created.id, tag }))).run();
    const version = tx
      .insert(scriptVersion)
      .values({ scriptId: created.id, number: 1, body: input.body, wordCount: spokenWords(input.body), authorId: actor.userId })
      .returning()
      .get();
    return { ...created, tags, latestVersion: version };
  });
}

/** Scripts a rep can pick when logging a voicemail: visible, not archived, with their latest version. */
export function listPickableScripts(db: Queryable, actor: Actor) {
  const rows = db
    .select({ id: script.id, title: script.title, stage: script.stage })
    .from(script)
    .where(and(visibleTo(actor), eq(script.archived, false)))
    .orderBy(asc(script.title))
    .all();
  const versions = latestVersions(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, latestVersion: versions.get(r.id)! }));
}

export function latestVersions(db: Queryable, scriptIds: number[]) {
  const map = new Map<number, { id: number; number: number; body: string; wordCount: number }>();
  if (!scriptIds.length) return map;
  const rows = db
    .select({ id: scriptVersion.id, scriptId: scriptVersion.scriptId, number: scriptVersion.number, body: scriptVersion.body, wordCount: scriptVersion.wordCount })
    .from(scriptVersion)
    .where(inArray(scriptVersion.scriptId, scriptIds))
    .orderBy(desc(scriptVersion.number))
    .all();
  for (const r of rows) if (!map.has(r.scriptId)) map.set(r.scriptId, r);
  return map;
}

/** The latest version of a script the actor may use for a voicemail. */
export function usableVersion(db: Queryable, actor: Actor, scriptId: number) {
  const row = db.select({ id: script.id, archived: script.archived }).from(script).where(and(eq(script.id, scriptId), visibleTo(actor))).get();
  if (!row) throw new NotFound("Script not found.");
  if (row.archived) throw new Invalid("That script is archived; pick another.");
  return latestVersions(db, [scriptId]).get(scriptId)!;
}
