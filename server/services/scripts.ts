import { and, asc, desc, eq, inArray, isNotNull, isNull, like, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, member, organization, script, scriptTag, scriptVersion, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import {
  createScriptInput,
  forkScriptInput,
  updateScriptInput,
  type CreateScriptInput,
  type UpdateScriptInput,
} from "@/lib/inputs/scripts";
import { firstName, parseTemplate, readSeconds, renderScript, SAMPLE_VALUES, unfilledPlaceholders, wordCount } from "@/server/domain/script-template";
import { formatPhone } from "@/server/domain/phone";
import { isManager, type Actor } from "./actor";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";

/** Scripts the actor may see: their team's, not deleted, shared or their own drafts. */
export const visibleTo = (actor: Actor) =>
  and(eq(script.teamId, actor.teamId), isNull(script.deletedAt), or(eq(script.shared, true), eq(script.authorId, actor.userId)));

export function assertValidBody(body: string) {
  const { problems } = parseTemplate(body);
  if (problems.length) {
    throw new Invalid(problems.map((p) => `${positionOf(body, p.index)}: ${p.message}`).join(" "));
  }
}

/** "line 2, column 5" for a character index, as the editor shows it. */
export function positionOf(body: string, index: number) {
  const before = body.slice(0, index).split("\n");
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/** Words as spoken, with placeholders filled by a sample prospect and rep. */
export const spokenWords = (body: string) => wordCount(renderScript(body, SAMPLE_VALUES));

const uniqueTags = (tags: readonly string[]) => [...new Set(tags)].sort();

async function assertTitleFree(tx: Queryable, actor: Actor, title: string, exceptId?: number) {
  const clash = await tx
    .select({ id: script.id })
    .from(script)
    .where(and(eq(script.teamId, actor.teamId), eq(script.title, title), exceptId ? ne(script.id, exceptId) : undefined))
    .get();
  if (clash) throw new Conflict(`A script titled “${title}” already exists.`);
}

export async function createScript(db: Db, actor: Actor, raw: CreateScriptInput, forkedFromVersionId: number | null = null) {
  const input = createScriptInput.parse(raw);
  assertValidBody(input.body);
  return db.transaction(async (tx) => {
    await assertTitleFree(tx, actor, input.title);
    const created = await tx
      .insert(script)
      .values({ teamId: actor.teamId, title: input.title, stage: input.stage, authorId: actor.userId, shared: input.shared, forkedFromVersionId })
      .returning()
      .get();
    const tags = uniqueTags(input.tags);
    if (tags.length) await tx.insert(scriptTag).values(tags.map((tag) => ({ scriptId: created.id, tag }))).run();
    const version = await tx
      .insert(scriptVersion)
      .values({ scriptId: created.id, number: 1, body: input.body, wordCount: spokenWords(input.body), authorId: actor.userId })
      .returning()
      .get();
    return { ...created, tags, latestVersion: version };
  });
}

/** A script the actor may see, or NotFound (a teammate's draft and another team's script alike). */
export async function visibleScript(db: Queryable, actor: Actor, id: number) {
  const row = await db.select().from(script).where(and(eq(script.id, id), visibleTo(actor))).get();
  if (!row) throw new NotFound("Script not found.");
  return row;
}

/** The author edits their script; managers may also edit shared ones (the team's library is theirs to curate). */
function assertMayEdit(actor: Actor, row: typeof script.$inferSelect) {
  if (row.authorId !== actor.userId && !(row.shared && isManager(actor))) {
    throw new Forbidden("Only the author or a manager can edit this script.");
  }
}

/** Changes title, stage and tags in place; a changed body becomes a new version, so stats never mix texts. */
export async function updateScript(db: Db, actor: Actor, raw: UpdateScriptInput) {
  const input = updateScriptInput.parse(raw);
  if (input.body !== undefined) assertValidBody(input.body);
  return db.transaction(async (tx) => {
    const row = await visibleScript(tx, actor, input.id);
    assertMayEdit(actor, row);
    if (input.title !== undefined && input.title !== row.title) await assertTitleFree(tx, actor, input.title, row.id);
    const now = new Date();
    await tx.update(script)
      .set({ title: input.title ?? row.title, stage: input.stage ?? row.stage, updatedAt: now })
      .where(eq(script.id, row.id))
      .run();
    if (input.tags !== undefined) {
      await tx.delete(scriptTag).where(eq(scriptTag.scriptId, row.id)).run();
      const tags = uniqueTags(input.tags);
      if (tags.length) await tx.insert(scriptTag).values(tags.map((tag) => ({ scriptId: row.id, tag }))).run();
    }
    const latest = (await latestVersions(tx, [row.id])).get(row.id)!;
    let version = latest;
    if (input.body !== undefined && input.body !== latest.body) {
      version = await tx
        .insert(scriptVersion)
        .values({ scriptId: row.id, number: latest.number + 1, body: input.body, wordCount: spokenWords(input.body), authorId: actor.userId, createdAt: now })
        .returning()
        .get();
    }
    return { id: row.id, newVersion: version.id !== latest.id, latestVersion: version };
  });
}

/** Sharing publishes a draft to the team; taking it back is refused once teammates rely on it. */
export async function setShared(db: Db, actor: Actor, input: { id: number; shared: boolean }) {
  return db.transaction(async (tx) => {
    const row = await visibleScript(tx, actor, input.id);
    if (row.authorId !== actor.userId) throw new Forbidden("Only the author can share or unshare a script.");
    if (!input.shared && row.shared) {
      const othersUsed = await tx
        .select({ id: attempt.id })
        .from(attempt)
        .innerJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
        .where(and(eq(scriptVersion.scriptId, row.id), ne(attempt.repId, actor.userId), isNull(attempt.deletedAt)))
        .limit(1)
        .get();
      if (othersUsed) throw new Conflict("Teammates have left voicemails with this script; archive it instead.");
    }
    await tx.update(script)
      .set({ shared: input.shared, teamPick: input.shared ? row.teamPick : false, updatedAt: new Date() })
      .where(eq(script.id, row.id))
      .run();
    return { id: row.id, shared: input.shared };
  });
}

/** Archived scripts leave the pickers but keep their history and stats. Managers only. */
export async function setArchived(db: Db, actor: Actor, input: { id: number; archived: boolean }) {
  if (!isManager(actor)) throw new Forbidden("Managers only.");
  return db.transaction(async (tx) => {
    const row = await visibleScript(tx, actor, input.id);
    await tx.update(script)
      .set({ archived: input.archived, teamPick: input.archived ? false : row.teamPick, updatedAt: new Date() })
      .where(eq(script.id, row.id))
      .run();
    return { id: row.id, archived: input.archived };
  });
}

/** A team pick is the managers' recommendation; only shared, live scripts can be one. */
export async function setTeamPick(db: Db, actor: Actor, input: { id: number; teamPick: boolean }) {
  if (!isManager(actor)) throw new Forbidden("Managers only.");
  return db.transaction(async (tx) => {
    const row = await visibleScript(tx, actor, input.id);
    if (input.teamPick && (!row.shared || row.archived)) throw new Invalid("Only shared, unarchived scripts can be team picks.");
    await tx.update(script).set({ teamPick: input.teamPick, updatedAt: new Date() }).where(eq(script.id, row.id)).run();
    return { id: row.id, teamPick: input.teamPick };
  });
}

/** Copies any visible version into a new private draft that remembers where it came from. */
export async function forkScript(db: Db, actor: Actor, raw: { versionId: number; title?: string }) {
  const input = forkScriptInput.parse(raw);
  const source = await db
    .select({ scriptId: script.id, title: script.title, stage: script.stage, body: scriptVersion.body, number: scriptVersion.number })
    .from(scriptVersion)
    .innerJoin(script, eq(script.id, scriptVersion.scriptId))
    .where(and(eq(scriptVersion.id, input.versionId), visibleTo(actor)))
    .get();
  if (!source) throw new NotFound("Script version not found.");
  const tags = (await db.select({ tag: scriptTag.tag }).from(scriptTag).where(eq(scriptTag.scriptId, source.scriptId)).all()).map((t) => t.tag);
  const title = input.title ?? await freeForkTitle(db, actor, source.title);
  return createScript(db, actor, { title, stage: source.stage, tags, body: source.body, shared: false }, input.versionId);
}

async function freeForkTitle(db: Queryable, actor: Actor, title: string) {
  const taken = new Set(
    (await db.select({ title: script.title }).from(script).where(and(eq(script.teamId, actor.teamId), like(script.title, `${title} (fork%`))).all()).map((r) => r.title),
  );
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${title} (fork)` : `${title} (fork ${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Removes an unshared draft, softly (restoreDraft undoes it): refused once any version has
 * attempts, since a version with attempts is never deleted. The title is freed for reuse (titles
 * are unique within a team).
 */
export async function deleteDraft(db: Db, actor: Actor, input: { id: number }) {
  return db.transaction(async (tx) => {
    const row = await visibleScript(tx, actor, input.id);
    if (row.authorId !== actor.userId) throw new Forbidden("Only the author can delete a draft.");
    if (row.shared) throw new Invalid("Shared scripts are archived, not deleted.");
    const used = await tx
      .select({ id: attempt.id })
      .from(attempt)
      .innerJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
      .where(eq(scriptVersion.scriptId, row.id))
      .limit(1)
      .get();
    if (used) throw new Conflict("This draft has voicemails logged with it; its versions are kept.");
    const now = new Date();
    await tx.update(script).set({ deletedAt: now, title: deletedTitle(row.title, row.id), updatedAt: now }).where(eq(script.id, row.id)).run();
    return { id: row.id };
  });
}

/** The title a deleted draft is parked under, so its own title is free meanwhile. */
const deletedTitle = (title: string, id: number) => `${title} · deleted ${id}`;

/** Undoes deleteDraft for its author, under its old title unless a script has taken it since. */
export async function restoreDraft(db: Db, actor: Actor, input: { id: number }) {
  return db.transaction(async (tx) => {
    const row = await tx
      .select()
      .from(script)
      .where(and(eq(script.id, input.id), eq(script.teamId, actor.teamId), eq(script.authorId, actor.userId), isNotNull(script.deletedAt)))
      .get();
    if (!row) throw new NotFound("No deleted draft to restore.");
    const suffix = deletedTitle("", row.id);
    const title = row.title.endsWith(suffix) ? row.title.slice(0, -suffix.length) : row.title;
    const taken = await tx.select({ id: script.id }).from(script).where(and(eq(script.teamId, actor.teamId), eq(script.title, title))).get();
    if (taken) throw new Conflict(`A script titled “${title}” exists now; rename it to bring this draft back.`);
    await tx.update(script).set({ deletedAt: null, title, updatedAt: new Date() }).where(eq(script.id, row.id)).run();
    return { id: row.id, title };
  });
}

/** Scripts a rep can pick when logging a voicemail: visible, not archived, with their latest version. */
export async function listPickableScripts(db: Queryable, actor: Actor) {
  const rows = await db
    .select({ id: script.id, title: script.title, stage: script.stage, shared: script.shared })
    .from(script)
    // "Script not recorded" stands for imported voicemails; no one leaves it, so no one picks it.
    .where(and(visibleTo(actor), eq(script.archived, false), eq(script.unrecorded, false)))
    .orderBy(asc(script.title))
    .all();
  const versions = await latestVersions(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, latestVersion: versions.get(r.id)! }));
}

/** Every visible script, archived ones too, for the comparison picker ("Script not recorded" is no script to compare). */
export async function listScriptOptions(db: Queryable, actor: Actor) {
  return db
    .select({ id: script.id, title: script.title, stage: script.stage, archived: script.archived })
    .from(script)
    .where(and(visibleTo(actor), eq(script.unrecorded, false)))
    .orderBy(asc(script.title))
    .all();
}

export async function latestVersions(db: Queryable, scriptIds: number[]) {
  const map = new Map<number, { id: number; number: number; body: string; wordCount: number }>();
  if (!scriptIds.length) return map;
  const rows = await db
    .select({ id: scriptVersion.id, scriptId: scriptVersion.scriptId, number: scriptVersion.number, body: scriptVersion.body, wordCount: scriptVersion.wordCount })
    .from(scriptVersion)
    .where(inArray(scriptVersion.scriptId, scriptIds))
    .orderBy(desc(scriptVersion.number))
    .all();
  for (const r of rows) if (!map.has(r.scriptId)) map.set(r.scriptId, r);
  return map;
}

/** The latest version of a script the actor may use for a voicemail. */
export async function usableVersion(db: Queryable, actor: Actor, scriptId: number) {
  const row = await db.select({ id: script.id, archived: script.archived }).from(script).where(and(eq(script.id, scriptId), visibleTo(actor))).get();
  if (!row) throw new NotFound("Script not found.");
  if (row.archived) throw new Invalid("That script is archived; pick another.");
  // Only the newest version's id: logging a voicemail runs this, and older versions' bodies are not needed.
  return (await db
    .select({ id: scriptVersion.id, number: scriptVersion.number })
    .from(scriptVersion)
    .where(eq(scriptVersion.scriptId, scriptId))
    .orderBy(desc(scriptVersion.number))
    .limit(1)
    .get())!;
}

/** The acting rep as a script reads them: name, phone, and speaking rate (their own, else the team's). */
export async function speaker(db: Queryable, actor: Actor) {
  const row = await db
    .select({ name: user.name, phone: member.phone, own: member.wordsPerMinute, team: organization.wordsPerMinute })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(and(eq(member.organizationId, actor.teamId), eq(member.userId, actor.userId)))
    .get();
  return { name: row?.name ?? "", phone: row?.phone ?? null, wordsPerMinute: row?.own ?? row?.team ?? 150, teamWordsPerMinute: row?.team ?? 150 };
}

/**
 * The editor's live check and preview: the domain parser's problems with their positions, the
 * body rendered for a sample prospect and the acting rep, its words and read time at their rate.
 */
export async function previewScript(db: Queryable, actor: Actor, input: { body: string }) {
  const me = await speaker(db, actor);
  const { problems } = parseTemplate(input.body);
  // The rep's own name and phone, never invented ones: a gap shows here before it reaches Today.
  const values = { ...SAMPLE_VALUES, "rep.name": me.name, "rep.phone": me.phone ? formatPhone(me.phone) : null };
  const rendered = renderScript(input.body, values);
  const words = wordCount(rendered);
  return {
    problems: problems.map((p) => ({ ...p, position: positionOf(input.body, p.index) })),
    rendered,
    words,
    readSeconds: readSeconds(words, me.wordsPerMinute),
    wordsPerMinute: me.wordsPerMinute,
    unfilled: unfilledPlaceholders(input.body, values),
    sample: { prospect: SAMPLE_VALUES["prospect.name"]!, firstName: firstName(SAMPLE_VALUES["prospect.name"]!), rep: me.name, phone: values["rep.phone"] },
  };
}

/** Filters for the library, as SQL conditions on `script`. */
export function libraryConditions(
  actor: Actor,
  input: { q?: string; stage?: string; tags?: string[]; authorId?: string; view: string; teamPicks?: boolean },
) {
  // instr() rather than LIKE: what the user types is matched literally, % and _ included.
  const needle = input.q ? input.q.toLowerCase() : null;
  return and(
    visibleTo(actor),
    input.view === "archived" ? eq(script.archived, true) : eq(script.archived, false),
    input.view === "shared" ? eq(script.shared, true) : undefined,
    input.view === "drafts" ? and(eq(script.shared, false), eq(script.authorId, actor.userId)) : undefined,
    input.stage ? eq(script.stage, input.stage as typeof script.$inferSelect.stage) : undefined,
    input.authorId ? eq(script.authorId, input.authorId) : undefined,
    input.teamPicks ? eq(script.teamPick, true) : undefined,
    ...(input.tags ?? []).map((t) => sql`exists (select 1 from ${scriptTag} where ${scriptTag.scriptId} = ${script.id} and ${scriptTag.tag} = ${t})`),
    needle
      ? or(
          sql`instr(lower(${script.title}), ${needle}) > 0`,
          sql`instr(lower((select ${scriptVersion.body} from ${scriptVersion} where ${scriptVersion.scriptId} = ${script.id} order by ${scriptVersion.number} desc limit 1)), ${needle}) > 0`,
          sql`exists (select 1 from ${scriptTag} where ${scriptTag.scriptId} = ${script.id} and instr(${scriptTag.tag}, ${needle}) > 0)`,
        )
      : undefined,
  );
}

/** Authors of visible scripts, for the library's author filter. */
export async function libraryAuthors(db: Queryable, actor: Actor) {
  return db
    .selectDistinct({ id: user.id, name: user.name })
    .from(script)
    .innerJoin(user, eq(user.id, script.authorId))
    .where(visibleTo(actor))
    .orderBy(asc(user.name))
    .all();
}

/** Tags in use on visible scripts, for the library's tag filter. */
export async function libraryTags(db: Queryable, actor: Actor) {
  return (await db
    .selectDistinct({ tag: scriptTag.tag })
    .from(scriptTag)
    .innerJoin(script, eq(script.id, scriptTag.scriptId))
    .where(visibleTo(actor))
    .orderBy(asc(scriptTag.tag))
    .all())
    .map((r) => r.tag);
}

export async function tagsOf(db: Queryable, scriptIds: number[]) {
  const map = new Map<number, string[]>();
  if (!scriptIds.length) return map;
  for (const r of await db.select().from(scriptTag).where(inArray(scriptTag.scriptId, scriptIds)).orderBy(asc(scriptTag.tag)).all()) {
    map.set(r.scriptId, [...(map.get(r.scriptId) ?? []), r.tag]);
  }
  return map;
}

/** Whether any version of these scripts has attempts (live or deleted), keyed by script. */
export async function scriptsWithAttempts(db: Queryable, scriptIds: number[]) {
  if (!scriptIds.length) return new Set<number>();
  return new Set(
    (await db
      .selectDistinct({ scriptId: scriptVersion.scriptId })
      .from(attempt)
      .innerJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
      .where(and(inArray(scriptVersion.scriptId, scriptIds), isNotNull(attempt.scriptVersionId)))
      .all())
      .map((r) => r.scriptId),
  );
}
