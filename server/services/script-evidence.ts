// What a script has earned (DESIGN.md, "Metric definitions"): the library's cards, the script
// page's evidence and the comparison between two scripts. Each is read from one consistent
// snapshot (a deferred read transaction), so the counts on one page always add up.
import { and, asc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, organization, script, scriptVersion, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { libraryInput, type LibraryInput } from "@/lib/inputs/scripts";
import { ATTEMPT_BUCKETS, STAGES, type AttemptBucket } from "@/lib/vocabulary";
import { comparableAttemptNumbers, compareScripts } from "@/server/domain/script-comparison";
import { diffSummary, diffWords } from "@/server/domain/script-diff";
import { readSeconds } from "@/server/domain/script-template";
import { quantile, rankByLowerBound, rateEvidence, type RateEvidence } from "@/server/domain/stats";
import { DAY_MS } from "@/server/domain/time-buckets";
import { isManager, type Actor } from "./actor";
import { Invalid } from "./errors";
import {
  libraryConditions,
  latestVersions,
  scriptsWithAttempts,
  speaker,
  tagsOf,
  visibleScript,
  visibleTo,
} from "./scripts";

const TREND_WEEKS = 12;

const readOnly = { behavior: "deferred" } as const;

async function teamSettings(db: Queryable, actor: Actor) {
  const row = await db.select({ minSample: organization.minSample }).from(organization).where(eq(organization.id, actor.teamId)).get();
  return { minSample: row?.minSample ?? 10 };
}

const liveVoicemails = (actor: Actor) => and(eq(attempt.teamId, actor.teamId), eq(attempt.outcome, "voicemail"), isNull(attempt.deletedAt));

/** Voicemails and returned per script, all time and in rolling 7-day weeks back from `now`. */
async function libraryCounts(db: Queryable, actor: Actor, scriptIds: number[], now: Date) {
  const totals = new Map<number, { voicemails: number; returned: number; recentVoicemails: number; recentReturned: number }>();
  const weeks = new Map<number, { voicemails: number; returned: number }[]>();
  if (!scriptIds.length) return { totals, weeks };
  const recentFrom = now.getTime() - 30 * DAY_MS;
  for (const r of await db
    .select({
      scriptId: scriptVersion.scriptId,
      voicemails: sql<number>`count(*)`,
      returned: sql<number>`count(${attempt.returnedAt})`,
      recentVoicemails: sql<number>`sum(case when ${attempt.at} >= ${recentFrom} then 1 else 0 end)`,
      recentReturned: sql<number>`sum(case when ${attempt.at} >= ${recentFrom} and ${attempt.returnedAt} is not null then 1 else 0 end)`,
    })
    .from(attempt)
    .innerJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
    .where(and(liveVoicemails(actor), inArray(scriptVersion.scriptId, scriptIds)))
    .groupBy(scriptVersion.scriptId)
    .all()) {
    totals.set(r.scriptId, {
      voicemails: Number(r.voicemails),
      returned: Number(r.returned),
      recentVoicemails: Number(r.recentVoicemails ?? 0),
      recentReturned: Number(r.recentReturned ?? 0),
    });
  }
  const since = now.getTime() - TREND_WEEKS * 7 * DAY_MS;
  // Inlined, not bound: PostgreSQL groups by this expression only when its text is the selected one's.
  const weeksAgo = sql<number>`cast((${sql.raw(String(now.getTime()))} - ${attempt.at}) / ${sql.raw(String(7 * DAY_MS))} as integer)`;
  for (const r of await db
    .select({ scriptId: scriptVersion.scriptId, weeksAgo, voicemails: sql<number>`count(*)`, returned: sql<number>`count(${attempt.returnedAt})` })
    .from(attempt)
    .innerJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
    .where(and(liveVoicemails(actor), inArray(scriptVersion.scriptId, scriptIds), gte(attempt.at, new Date(since))))
    .groupBy(scriptVersion.scriptId, weeksAgo)
    .all()) {
    const index = TREND_WEEKS - 1 - Number(r.weeksAgo);
    if (index < 0 || index >= TREND_WEEKS) continue;
    const list = weeks.get(r.scriptId) ?? Array.from({ length: TREND_WEEKS }, () => ({ voicemails: 0, returned: 0 }));
    list[index] = { voicemails: Number(r.voicemails), returned: Number(r.returned) };
    weeks.set(r.scriptId, list);
  }
  return { totals, weeks };
}

export type LibraryEntry = RateEvidence & {
  id: number;
  key: string;
  title: string;
  stage: typeof script.$inferSelect.stage;
  tags: string[];
  authorId: string;
  authorName: string;
  shared: boolean;
  archived: boolean;
  teamPick: boolean;
  forked: boolean;
  createdAt: Date;
  versionNumber: number;
  excerpt: string;
  words: number;
  readSeconds: number;
  ranked: boolean;
  rank: number | null;
  /** Oldest first; each a rolling week ending now. */
  weeks: { voicemails: number; returned: number }[];
  last30: RateEvidence;
  before30: RateEvidence;
};

/** The library: visible scripts matching the filters, each with its evidence and trend. */
export async function listLibrary(db: Db, actor: Actor, raw: LibraryInput, now = new Date()) {
  const input = libraryInput.parse(raw);
  return db.transaction(async (tx) => {
    const { minSample } = await teamSettings(tx, actor);
    const me = await speaker(tx, actor);
    const rows = await tx
      .select({
        id: script.id,
        title: script.title,
        stage: script.stage,
        authorId: script.authorId,
        authorName: user.name,
        shared: script.shared,
        archived: script.archived,
        teamPick: script.teamPick,
        forkedFromVersionId: script.forkedFromVersionId,
        createdAt: script.createdAt,
      })
      .from(script)
      .innerJoin(user, eq(user.id, script.authorId))
      .where(libraryConditions(actor, input))
      .all();
    const ids = rows.map((r) => r.id);
    const versions = await latestVersions(tx, ids);
    const tags = await tagsOf(tx, ids);
    const { totals, weeks } = await libraryCounts(tx, actor, ids, now);
    const entries = rows.map((r) => {
      const v = versions.get(r.id)!;
      const t = totals.get(r.id) ?? { voicemails: 0, returned: 0, recentVoicemails: 0, recentReturned: 0 };
      return {
        id: r.id,
        key: r.title,
        title: r.title,
        stage: r.stage,
        tags: tags.get(r.id) ?? [],
        authorId: r.authorId,
        authorName: r.authorName,
        shared: r.shared,
        archived: r.archived,
        teamPick: r.teamPick,
        forked: r.forkedFromVersionId !== null,
        createdAt: r.createdAt,
        versionNumber: v.number,
        excerpt: v.body.slice(0, 240),
        words: v.wordCount,
        readSeconds: readSeconds(v.wordCount, me.wordsPerMinute),
        ...rateEvidence(t.returned, t.voicemails),
        weeks: weeks.get(r.id) ?? Array.from({ length: TREND_WEEKS }, () => ({ voicemails: 0, returned: 0 })),
        last30: rateEvidence(t.recentReturned, t.recentVoicemails),
        before30: rateEvidence(t.returned - t.recentReturned, t.voicemails - t.recentVoicemails),
      };
    });
    // Ranked within each stage: DESIGN.md never compares a last try with first touches, and one
    // list made "Last Try" the #2 opener. Stages keep their cadence order in the ranked view.
    const ranked = STAGES.flatMap((stage) => rankByLowerBound(entries.filter((e) => e.stage === stage), minSample)) as LibraryEntry[];
    const sorted =
      input.sort === "ranked"
        ? ranked
        : input.sort === "used"
          ? [...ranked].sort((a, b) => b.voicemails - a.voicemails || a.title.localeCompare(b.title))
          : [...ranked].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
    return { minSample, wordsPerMinute: me.wordsPerMinute, rankedWithin: "stage" as const, entries: sorted };
  }, readOnly);
}

type VoicemailFact = { versionId: number; at: Date; returnedAt: Date | null; appointment: boolean; voicemailNumber: number | null; messageSeconds: number | null };

export const attemptBucket = (n: number | null): AttemptBucket => (n === null || n <= 1 ? "1" : n === 2 ? "2" : n === 3 ? "3" : "4+");

/** Voicemails, returned, rates with intervals, time to callback and rate by attempt number. */
export function summarize(facts: readonly VoicemailFact[]) {
  const returned = facts.filter((f) => f.returnedAt);
  const appointments = facts.filter((f) => f.appointment).length;
  const minutes = returned.map((f) => (f.returnedAt!.getTime() - f.at.getTime()) / 60_000);
  const seconds = facts.flatMap((f) => (f.messageSeconds === null ? [] : [f.messageSeconds]));
  return {
    ...rateEvidence(returned.length, facts.length),
    appointments,
    appointmentRate: rateEvidence(appointments, facts.length),
    medianMinutesToCallback: quantile(minutes, 0.5),
    p80MinutesToCallback: quantile(minutes, 0.8),
    medianMessageSeconds: quantile(seconds, 0.5),
    measuredMessages: seconds.length,
    byAttempt: ATTEMPT_BUCKETS.map((bucket) => {
      const inBucket = facts.filter((f) => attemptBucket(f.voicemailNumber) === bucket);
      return { bucket, ...rateEvidence(inBucket.filter((f) => f.returnedAt).length, inBucket.length) };
    }),
  };
}

async function voicemailFacts(db: Queryable, actor: Actor, scriptIds: number[]): Promise<(VoicemailFact & { scriptId: number })[]> {
  if (!scriptIds.length) return [];
  return await db
    .select({
      scriptId: scriptVersion.scriptId,
      versionId: attempt.scriptVersionId,
      at: attempt.at,
      returnedAt: attempt.returnedAt,
      appointment: attempt.appointment,
      voicemailNumber: attempt.voicemailNumber,
      messageSeconds: attempt.messageSeconds,
    })
    .from(attempt)
    .innerJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
    .where(and(liveVoicemails(actor), inArray(scriptVersion.scriptId, scriptIds)))
    .all() as (VoicemailFact & { scriptId: number })[];
}

/** The script page: the script, its versions with diffs and stats, its forks, and the overall evidence. */
export async function getScript(db: Db, actor: Actor, input: { id: number }) {
  return db.transaction(async (tx) => {
    const row = await visibleScript(tx, actor, input.id);
    const { minSample } = await teamSettings(tx, actor);
    const me = await speaker(tx, actor);
    const author = await tx.select({ name: user.name }).from(user).where(eq(user.id, row.authorId)).get();
    const versions = await tx
      .select({ id: scriptVersion.id, number: scriptVersion.number, body: scriptVersion.body, wordCount: scriptVersion.wordCount, createdAt: scriptVersion.createdAt, authorName: user.name })
      .from(scriptVersion)
      .innerJoin(user, eq(user.id, scriptVersion.authorId))
      .where(eq(scriptVersion.scriptId, row.id))
      .orderBy(asc(scriptVersion.number))
      .all();
    const facts = await voicemailFacts(tx, actor, [row.id]);
    const origin = row.forkedFromVersionId
      ? (await tx
          .select({ scriptId: script.id, title: script.title, versionNumber: scriptVersion.number })
          .from(scriptVersion)
          .innerJoin(script, eq(script.id, scriptVersion.scriptId))
          .where(and(eq(scriptVersion.id, row.forkedFromVersionId), visibleTo(actor)))
          .get() ?? null)
      : null;
    const forkRows = await tx
      .select({ id: script.id, title: script.title, shared: script.shared, archived: script.archived, fromVersionId: script.forkedFromVersionId, authorName: user.name })
      .from(script)
      .innerJoin(user, eq(user.id, script.authorId))
      .where(and(visibleTo(actor), inArray(script.forkedFromVersionId, versions.map((v) => v.id))))
      .orderBy(asc(script.title))
      .all();
    const forkFacts = await voicemailFacts(tx, actor, forkRows.map((f) => f.id));
    const used = (await scriptsWithAttempts(tx, [row.id])).has(row.id);
    const latest = versions.at(-1)!;
    return {
      id: row.id,
      title: row.title,
      stage: row.stage,
      tags: (await tagsOf(tx, [row.id])).get(row.id) ?? [],
      shared: row.shared,
      archived: row.archived,
      teamPick: row.teamPick,
      authorName: author?.name ?? "",
      createdAt: row.createdAt,
      minSample,
      wordsPerMinute: me.wordsPerMinute,
      latestVersion: { id: latest.id, number: latest.number, body: latest.body, words: latest.wordCount, readSeconds: readSeconds(latest.wordCount, me.wordsPerMinute) },
      permissions: {
        edit: row.authorId === actor.userId || (row.shared && isManager(actor)),
        share: row.authorId === actor.userId,
        manage: isManager(actor),
        delete: row.authorId === actor.userId && !row.shared && !used,
      },
      evidence: summarize(facts),
      versions: versions
        .map((v, i) => {
          const diff = i === 0 ? null : diffWords(versions[i - 1].body, v.body);
          return {
            ...v,
            readSeconds: readSeconds(v.wordCount, me.wordsPerMinute),
            diff,
            changes: diff ? diffSummary(diff) : null,
            evidence: summarize(facts.filter((f) => f.versionId === v.id)),
          };
        })
        .reverse(),
      forkedFrom: origin,
      forks: forkRows.map((f) => ({
        ...f,
        fromVersionNumber: versions.find((v) => v.id === f.fromVersionId)?.number ?? null,
        ...rateEvidence(forkFacts.filter((x) => x.scriptId === f.id && x.returnedAt).length, forkFacts.filter((x) => x.scriptId === f.id).length),
      })),
    };
  }, readOnly);
}

/**
 * This script against another: P(this beats that), the difference with its Newcombe interval,
 * Fisher's exact p and the verdict. With a last-try script on either side, both are counted only
 * on the attempt numbers both were used at; each side's all-time total says what was left out.
 */
export async function compareWith(db: Db, actor: Actor, input: { id: number; otherId: number }) {
  return db.transaction(async (tx) => {
    const mine = await visibleScript(tx, actor, input.id);
    const other = await visibleScript(tx, actor, input.otherId);
    // Its voicemails used whatever text each rep left: a rate for it compares nothing.
    if (mine.unrecorded || other.unrecorded) throw new Invalid("“Script not recorded” holds imported voicemails of unknown scripts; it is left out of comparisons.");
    const facts = await voicemailFacts(tx, actor, [mine.id, other.id]);
    const side = (id: number) => facts.filter((f) => f.scriptId === id);
    const numbersOf = (id: number) => [...new Set(side(id).map((f) => f.voicemailNumber ?? 1))];
    const attemptNumbers = comparableAttemptNumbers(
      { stage: mine.stage, attemptNumbers: numbersOf(mine.id) },
      { stage: other.stage, attemptNumbers: numbersOf(other.id) },
    );
    const counts = (id: number) => {
      const kept = side(id).filter((f) => attemptNumbers === null || attemptNumbers.includes(f.voicemailNumber ?? 1));
      return { returned: kept.filter((f) => f.returnedAt).length, voicemails: kept.length };
    };
    const a = counts(mine.id);
    const b = counts(other.id);
    return {
      this: { id: mine.id, title: mine.title, allVoicemails: side(mine.id).length, ...rateEvidence(a.returned, a.voicemails) },
      that: { id: other.id, title: other.title, allVoicemails: side(other.id).length, ...rateEvidence(b.returned, b.voicemails) },
      attemptNumbers,
      ...compareScripts(a, b),
    };
  }, readOnly);
}
