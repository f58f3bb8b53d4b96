import { and, eq, gte, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, organization, script, scriptVersion, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import type { LeaderboardInput } from "@/lib/inputs/leaderboard";
import { quantile, rankByLowerBound, rateEvidence } from "@/server/domain/stats";
import type { Actor } from "./actor";

export type LeaderboardRow = {
  by: LeaderboardInput["by"];
  key: string;
  label: string;
  voicemails: number;
  returned: number;
  rate: number | null;
  ciLow: number;
  ciHigh: number;
  appointments: number;
  medianMinutesToCallback: number | null;
  ranked: boolean;
  rank: number | null;
};

function periodFilter(teamId: string, from?: Date, to?: Date) {
  return and(
    eq(attempt.teamId, teamId),
    eq(attempt.outcome, "voicemail"),
    isNull(attempt.deletedAt),
    from ? gte(attempt.at, from) : undefined,
    to ? lt(attempt.at, to) : undefined,
  );
}

function groupColumns(by: LeaderboardInput["by"]) {
  return by === "script"
    ? { groupKey: sql<string>`${script.id}`, key: script.title, label: script.title }
    : { groupKey: sql<string>`${user.id}`, key: user.email, label: user.name };
}

function aggregate(db: Queryable, teamId: string, input: LeaderboardInput) {
  const cols = groupColumns(input.by);
  const base = db
    .select({
      groupKey: cols.groupKey,
      key: cols.key,
      label: cols.label,
      voicemails: sql<number>`count(*)`,
      returned: sql<number>`count(${attempt.returnedAt})`,
      appointments: sql<number>`sum(${attempt.appointment})`,
    })
    .from(attempt);
  const joined =
    input.by === "script"
      ? base.innerJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId)).innerJoin(script, eq(script.id, scriptVersion.scriptId))
      : base.innerJoin(user, eq(user.id, attempt.repId));
  return joined.where(periodFilter(teamId, input.from, input.to)).groupBy(cols.groupKey).all();
}

function minutesToCallback(db: Queryable, teamId: string, input: LeaderboardInput) {
  const cols = groupColumns(input.by);
  const base = db.select({ groupKey: cols.groupKey, at: attempt.at, returnedAt: attempt.returnedAt }).from(attempt);
  const joined =
    input.by === "script"
      ? base.innerJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId)).innerJoin(script, eq(script.id, scriptVersion.scriptId))
      : base.innerJoin(user, eq(user.id, attempt.repId));
  const byGroup = new Map<string, number[]>();
  for (const r of joined.where(and(periodFilter(teamId, input.from, input.to), isNotNull(attempt.returnedAt))).all()) {
    const list = byGroup.get(r.groupKey) ?? [];
    list.push((r.returnedAt!.getTime() - r.at.getTime()) / 60_000);
    byGroup.set(r.groupKey, list);
  }
  return byGroup;
}

/** Callback rate by script or by rep, ranked by the Wilson lower bound; read from one snapshot. */
export function leaderboard(db: Db, actor: Actor, input: LeaderboardInput) {
  return db.transaction(
    (tx) => {
      const minSample = tx.select({ n: organization.minSample }).from(organization).where(eq(organization.id, actor.teamId)).get()?.n ?? 10;
      const delays = minutesToCallback(tx, actor.teamId, input);
      const rows = aggregate(tx, actor.teamId, input).map((r) => ({
        by: input.by,
        key: r.key,
        label: r.label,
        ...rateEvidence(Number(r.returned), Number(r.voicemails)),
        appointments: Number(r.appointments ?? 0),
        medianMinutesToCallback: quantile(delays.get(r.groupKey) ?? [], 0.5),
      }));
      const unattributed =
        tx
          .select({ n: sql<number>`count(*)` })
          .from(callback)
          .where(
            and(
              eq(callback.teamId, actor.teamId),
              isNull(callback.deletedAt),
              isNull(callback.creditedAttemptId),
              input.from ? gte(callback.at, input.from) : undefined,
              input.to ? lt(callback.at, input.to) : undefined,
            ),
          )
          .get()?.n ?? 0;
      return { minSample, unattributedCallbacks: Number(unattributed), rows: rankByLowerBound(rows, minSample) as LeaderboardRow[] };
    },
    { behavior: "deferred" },
  );
}
