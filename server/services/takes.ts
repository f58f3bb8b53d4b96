// Rehearsal takes (issue 17): a rep records a script version, hears it and gets its spoken length;
// takes stay private to their rep unless shared with the team, where members listen and managers
// leave a written note. Audio is stored in `take_audio` beside the take (README.md explains why).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { member, script, scriptVersion, take, takeAudio, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { TAKE_LIMITS, type TakeLimits, type UploadTakeInput } from "@/lib/inputs/takes";
import { speakingRate } from "@/server/domain/speaking-rate";
import { quantile } from "@/server/domain/stats";
import { readWebm } from "@/server/domain/webm";
import { isManager, type Actor } from "./actor";
import { Conflict, Forbidden, Invalid, NotFound } from "./errors";
import { speaker, visibleScript, visibleTo } from "./scripts";

const readOnly = { behavior: "deferred" } as const;
const MB = 1024 * 1024;

/** A container a few hundred milliseconds shorter than the speech the browser heard is the codec's pre-roll, not a lie. */
const CONTAINER_SLACK_MS = 500;

/** The version, if its script is one the actor can see. */
async function visibleVersion(db: Queryable, actor: Actor, versionId: number) {
  const row = await db
    .select({ id: scriptVersion.id, scriptId: scriptVersion.scriptId, wordCount: scriptVersion.wordCount })
    .from(scriptVersion)
    .innerJoin(script, eq(script.id, scriptVersion.scriptId))
    .where(and(eq(scriptVersion.id, versionId), visibleTo(actor)))
    .get();
  if (!row) throw new NotFound("Script version not found.");
  return row;
}

/** The actor's own take; anyone else's, or another team's, is not found. */
async function ownTake(db: Queryable, actor: Actor, id: number) {
  const row = await db
    .select()
    .from(take)
    .where(and(eq(take.id, id), eq(take.teamId, actor.teamId), eq(take.repId, actor.userId)))
    .get();
  if (!row) throw new NotFound("Take not found.");
  return row;
}

/**
 * Stores an uploaded take. The bytes must be WebM whose own timestamps run no longer than the
 * limit; the spoken length is the browser's measurement (lib/spoken-length.ts) and may not exceed
 * the container's. The per-rep and team limits are counted in the same transaction as the insert.
 */
export async function saveTake(db: Db, actor: Actor, input: UploadTakeInput, audio: Buffer, limits: TakeLimits = TAKE_LIMITS) {
  const webm = readWebm(audio);
  if (!webm) throw new Invalid("That upload is not a WebM recording.");
  if (webm.durationMs > limits.maxSeconds * 1000 + CONTAINER_SLACK_MS) throw new Invalid(`A take is at most ${limits.maxSeconds} seconds.`);
  if (input.spokenMs > webm.durationMs + CONTAINER_SLACK_MS) throw new Invalid("The spoken length is longer than the recording.");
  return db.transaction(async (tx) => {
    const version = await visibleVersion(tx, actor, input.versionId);
    const mine = (await tx
      .select({ n: sql<number>`count(*)` })
      .from(take)
      .where(and(eq(take.teamId, actor.teamId), eq(take.repId, actor.userId), eq(take.scriptVersionId, version.id)))
      .get())!.n;
    if (mine >= limits.takesPerRepPerVersion) {
      throw new Conflict(`You have ${limits.takesPerRepPerVersion} takes of this version, the most kept; delete one to record another.`);
    }
    const used = (await tx.select({ bytes: sql<number>`coalesce(sum(${take.bytes}), 0)` }).from(take).where(eq(take.teamId, actor.teamId)).get())!.bytes;
    if (used + audio.length > limits.teamBytes) {
      throw new Conflict(
        `Your team's rehearsal space is full (${(used / MB).toFixed(1)} MB of ${(limits.teamBytes / MB).toFixed(0)} MB). Delete takes you no longer need to record new ones.`,
      );
    }
    const row = await tx
      .insert(take)
      .values({
        teamId: actor.teamId,
        repId: actor.userId,
        scriptVersionId: version.id,
        spokenMs: input.spokenMs,
        recordedMs: Math.min(input.recordedMs, webm.durationMs + CONTAINER_SLACK_MS),
        bytes: audio.length,
        words: version.wordCount,
      })
      .returning({ id: take.id, spokenMs: take.spokenMs, recordedMs: take.recordedMs, bytes: take.bytes })
      .get();
    await tx.insert(takeAudio).values({ takeId: row.id, webm: audio }).run();
    return { ...row, scriptId: version.scriptId, versionId: version.id };
  });
}

/**
 * A take's audio for the actor: their own take, or a teammate's shared take of a script they can
 * see. Anything else, another team's above all, is not found (never "forbidden": that would tell
 * a stranger the take exists).
 */
export async function takeAudioFor(db: Db, actor: Actor, id: number): Promise<Buffer> {
  const row = await db
    .select({ webm: takeAudio.webm, repId: take.repId, shared: take.shared })
    .from(take)
    .innerJoin(takeAudio, eq(takeAudio.takeId, take.id))
    .innerJoin(scriptVersion, eq(scriptVersion.id, take.scriptVersionId))
    .innerJoin(script, eq(script.id, scriptVersion.scriptId))
    .where(and(eq(take.id, id), eq(take.teamId, actor.teamId), visibleTo(actor)))
    .get();
  if (!row || (row.repId !== actor.userId && !row.shared)) throw new NotFound("Take not found.");
  return row.webm;
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** The script page's rehearsal panel: my takes, the team's shared ones, per-version medians, my measured rate. */
export async function takesForScript(db: Db, actor: Actor, input: { scriptId: number }) {
  return db.transaction(async (tx) => {
    const row = await visibleScript(tx, actor, input.scriptId);
    const versions = await tx
      .select({ id: scriptVersion.id, number: scriptVersion.number })
      .from(scriptVersion)
      .where(eq(scriptVersion.scriptId, row.id))
      .orderBy(asc(scriptVersion.number))
      .all();
    const numberOf = new Map(versions.map((v) => [v.id, v.number]));
    const coach = sql<string | null>`(select name from ${user} where ${user.id} = ${take.commentById})`;
    const takes = (await tx
      .select({
        id: take.id,
        repId: take.repId,
        repName: user.name,
        versionId: take.scriptVersionId,
        spokenMs: take.spokenMs,
        recordedMs: take.recordedMs,
        bytes: take.bytes,
        shared: take.shared,
        reference: take.reference,
        comment: take.comment,
        commentBy: coach,
        commentedAt: take.commentedAt,
        createdAt: take.createdAt,
      })
      .from(take)
      .innerJoin(user, eq(user.id, take.repId))
      .where(
        and(
          eq(take.teamId, actor.teamId),
          inArray(
            take.scriptVersionId,
            versions.map((v) => v.id),
          ),
          sql`(${take.repId} = ${actor.userId} or ${take.shared} = 1)`,
        ),
      )
      .orderBy(asc(take.createdAt), asc(take.id))
      .all())
      .map((t) => ({ ...t, versionNumber: numberOf.get(t.versionId)!, spokenSeconds: seconds(t.spokenMs), audioUrl: `/api/takes/${t.id}/audio` }));
    const shared = takes.filter((t) => t.shared);
    const latestId = versions.at(-1)!.id;
    const quickest = shared.filter((t) => t.versionId === latestId).sort((a, b) => a.spokenMs - b.spokenMs)[0] ?? null;
    const myTakes = await tx
      .select({ words: take.words, spokenMs: take.spokenMs })
      .from(take)
      .where(and(eq(take.teamId, actor.teamId), eq(take.repId, actor.userId)))
      .all();
    const me = await speaker(tx, actor);
    const own = await tx
      .select({ rate: member.wordsPerMinute })
      .from(member)
      .where(and(eq(member.organizationId, actor.teamId), eq(member.userId, actor.userId)))
      .get();
    return {
      mine: takes.filter((t) => t.repId === actor.userId).reverse(),
      // Members listen to teammates' shared takes (their own are in `mine`); a coach's note is
      // between the coach and the rep, so other reps do not read it.
      shared: shared
        .filter((t) => t.repId !== actor.userId)
        .map((t) => (isManager(actor) ? t : { ...t, comment: null, commentBy: null, commentedAt: null }))
        .reverse(),
      quickestShared: quickest && { repName: quickest.repName, spokenSeconds: quickest.spokenSeconds },
      perVersion: versions.map((v) => {
        const lengths = shared.filter((t) => t.versionId === v.id).map((t) => t.spokenMs / 1000);
        const median = quantile(lengths, 0.5);
        return { versionId: v.id, number: v.number, sharedTakes: lengths.length, medianSpokenSeconds: median === null ? null : Math.round(median * 10) / 10 };
      }),
      rate: { measured: speakingRate(myTakes), inUse: me.wordsPerMinute, own: own?.rate ?? null, team: me.teamWordsPerMinute },
      canComment: isManager(actor),
    };
  }, readOnly);
}

/** Per script, the median spoken length (seconds) of the team's shared takes: the read-time chart's measured points. */
export async function sharedTakeMedians(db: Queryable, actor: Actor): Promise<Map<number, number>> {
  const rows = await db
    .select({ scriptId: scriptVersion.scriptId, spokenMs: take.spokenMs })
    .from(take)
    .innerJoin(scriptVersion, eq(scriptVersion.id, take.scriptVersionId))
    .where(and(eq(take.teamId, actor.teamId), eq(take.shared, true)))
    .all();
  const byScript = new Map<number, number[]>();
  for (const r of rows) byScript.set(r.scriptId, [...(byScript.get(r.scriptId) ?? []), r.spokenMs / 1000]);
  return new Map([...byScript].map(([scriptId, lengths]) => [scriptId, Math.round(quantile(lengths, 0.5)! * 10) / 10]));
}

export async function removeTake(db: Db, actor: Actor, input: { id: number }) {
  return db.transaction(async (tx) => {
    const row = await ownTake(tx, actor, input.id);
    // The audio row goes with it (ON DELETE CASCADE).
    await tx.delete(take).where(eq(take.id, row.id)).run();
    return { id: row.id };
  });
}

export async function setTakeShared(db: Db, actor: Actor, input: { id: number; shared: boolean }) {
  return db.transaction(async (tx) => {
    const row = await ownTake(tx, actor, input.id);
    await tx.update(take).set({ shared: input.shared }).where(eq(take.id, row.id)).run();
    return { id: row.id, shared: input.shared };
  });
}

/** One reference read per rep and version: marking one unmarks the others. */
export async function setReferenceTake(db: Db, actor: Actor, input: { id: number; reference: boolean }) {
  return db.transaction(async (tx) => {
    const row = await ownTake(tx, actor, input.id);
    if (input.reference) {
      await tx.update(take)
        .set({ reference: false })
        .where(and(eq(take.teamId, actor.teamId), eq(take.repId, actor.userId), eq(take.scriptVersionId, row.scriptVersionId)))
        .run();
    }
    await tx.update(take).set({ reference: input.reference }).where(eq(take.id, row.id)).run();
    return { id: row.id, reference: input.reference };
  });
}

/** A manager's note on a shared take; an empty note removes it. */
export async function commentOnTake(db: Db, actor: Actor, input: { id: number; comment: string }) {
  if (!isManager(actor)) throw new Forbidden("Managers only.");
  return db.transaction(async (tx) => {
    const row = await tx
      .select({ id: take.id, shared: take.shared, repId: take.repId })
      .from(take)
      .where(and(eq(take.id, input.id), eq(take.teamId, actor.teamId)))
      .get();
    if (!row || (!row.shared && row.repId !== actor.userId)) throw new NotFound("Take not found.");
    const text = input.comment || null;
    await tx.update(take)
      .set({ comment: text, commentById: text ? actor.userId : null, commentedAt: text ? new Date() : null })
      .where(eq(take.id, row.id))
      .run();
    return { id: row.id, comment: text };
  });
}

/**
 * With the rep's consent, their measured rate becomes their own speaking rate, which every
 * read-time estimate already prefers to the team's (services/scripts.ts `speaker`); withdrawing
 * it returns them to the team's rate.
 */
export async function useMeasuredRate(db: Db, actor: Actor, input: { use: boolean }) {
  return db.transaction(async (tx) => {
    let rate: number | null = null;
    if (input.use) {
      rate = speakingRate(await tx.select({ words: take.words, spokenMs: take.spokenMs }).from(take).where(and(eq(take.teamId, actor.teamId), eq(take.repId, actor.userId))).all());
      if (rate === null) throw new Invalid("Record at least 10 seconds of takes first.");
    }
    await tx.update(member)
      .set({ wordsPerMinute: rate })
      .where(and(eq(member.organizationId, actor.teamId), eq(member.userId, actor.userId)))
      .run();
    return { wordsPerMinute: rate };
  });
}
