import { and, asc, eq, gte, inArray, isNull, lt, or, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, prospect, script, scriptTag, scriptVersion, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { ATTEMPT_COLUMNS, CALLBACK_COLUMNS, SCRIPT_COLUMNS, type ExportKind, type ExportRange } from "@/lib/inputs/imports";
import { formatCsv } from "@/server/domain/csv";
import { parseRangeBound, zoneOffsets } from "@/server/domain/csv-time";
import { isManager, type Actor } from "./actor";
import { Forbidden, Invalid } from "./errors";
import { getTeam } from "./teams";
import { latestVersions } from "./scripts";

// CSV export in the import format (DESIGN.md): what `import` reads back into the same rows.
// Times are UTC instants written with `Z`; deleted rows are left out, as they are from stats.

function requireManager(actor: Actor) {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners can export.");
}

/** `from`/`to` as instants; a date is a whole day in the team's zone, `to` included. */
async function timeRange(db: Queryable, actor: Actor, range: ExportRange) {
  const offsetAt = zoneOffsets((await getTeam(db, actor.teamId)).timezone);
  const bound = (raw: string | undefined, edge: "from" | "to") => {
    if (!raw?.trim()) return null;
    const parsed = parseRangeBound(raw, offsetAt, edge);
    if (!parsed.ok) throw new Invalid(`--${edge}: ${parsed.reason}`);
    return parsed.at;
  };
  const from = bound(range.from, "from");
  const to = bound(range.to, "to");
  if (from && to && to <= from) throw new Invalid("The range ends before it starts.");
  return { from, to };
}

function within(column: typeof attempt.at | typeof callback.at, range: { from: Date | null; to: Date | null }): SQL[] {
  return [range.from ? gte(column, range.from) : undefined, range.to ? lt(column, range.to) : undefined].filter((c): c is SQL => c !== undefined);
}

export async function exportAttempts(db: Db, actor: Actor, range: ExportRange = {}): Promise<string> {
  requireManager(actor);
  const bounds = await timeRange(db, actor, range);
  const rows = await db
    .select({
      at: attempt.at,
      repEmail: user.email,
      prospectName: prospect.name,
      prospectPhone: prospect.phone,
      prospectCompany: prospect.company,
      outcome: attempt.outcome,
      script: script.title,
      messageSeconds: attempt.messageSeconds,
      notes: attempt.notes,
    })
    .from(attempt)
    .innerJoin(user, eq(user.id, attempt.repId))
    .innerJoin(prospect, eq(prospect.id, attempt.prospectId))
    .leftJoin(scriptVersion, eq(scriptVersion.id, attempt.scriptVersionId))
    .leftJoin(script, eq(script.id, scriptVersion.scriptId))
    .where(and(eq(attempt.teamId, actor.teamId), isNull(attempt.deletedAt), ...within(attempt.at, bounds)))
    .orderBy(asc(attempt.at), asc(attempt.id))
    .all();
  return formatCsv(
    ATTEMPT_COLUMNS,
    rows.map((r) => ({
      time: r.at.toISOString(),
      rep_email: r.repEmail,
      prospect_name: r.prospectName,
      prospect_phone: r.prospectPhone,
      prospect_company: r.prospectCompany,
      outcome: r.outcome,
      script: r.script,
      message_seconds: r.messageSeconds,
      notes: r.notes,
    })),
  );
}

export async function exportCallbacks(db: Db, actor: Actor, range: ExportRange = {}): Promise<string> {
  requireManager(actor);
  const bounds = await timeRange(db, actor, range);
  const rows = await db
    .select({ at: callback.at, phone: prospect.phone, result: callback.result, notes: callback.notes })
    .from(callback)
    .innerJoin(prospect, eq(prospect.id, callback.prospectId))
    .where(and(eq(callback.teamId, actor.teamId), isNull(callback.deletedAt), ...within(callback.at, bounds)))
    .orderBy(asc(callback.at), asc(callback.id))
    .all();
  return formatCsv(
    CALLBACK_COLUMNS,
    rows.map((r) => ({ time: r.at.toISOString(), prospect_phone: r.phone, result: r.result, notes: r.notes })),
  );
}

/**
 * The script library as the exporting manager sees it (shared scripts and their own drafts),
 * with each script's latest body. Tags are separated by spaces: tags are single words joined by
 * dashes, so a space never occurs inside one. The time range does not apply to scripts.
 */
export async function exportScripts(db: Db, actor: Actor): Promise<string> {
  requireManager(actor);
  const rows = await db
    .select({ id: script.id, title: script.title, stage: script.stage, shared: script.shared, archived: script.archived })
    .from(script)
    .where(and(eq(script.teamId, actor.teamId), isNull(script.deletedAt), or(eq(script.shared, true), eq(script.authorId, actor.userId))))
    .orderBy(asc(script.title))
    .all();
  const ids = rows.map((r) => r.id);
  const bodies = await latestVersions(db, ids);
  const tags = new Map<number, string[]>();
  if (ids.length) {
    for (const t of await db.select().from(scriptTag).where(inArray(scriptTag.scriptId, ids)).orderBy(asc(scriptTag.tag)).all()) {
      tags.set(t.scriptId, [...(tags.get(t.scriptId) ?? []), t.tag]);
    }
  }
  return formatCsv(
    SCRIPT_COLUMNS,
    rows.map((r) => ({
      title: r.title,
      stage: r.stage,
      tags: (tags.get(r.id) ?? []).join(" "),
      shared: r.shared,
      archived: r.archived,
      body: bodies.get(r.id)?.body ?? "",
    })),
  );
}

/** One entry point for the download route and the CLI: the kind picks the table. */
export async function exportCsv(db: Db, actor: Actor, kind: ExportKind, range: ExportRange = {}): Promise<string> {
  if (kind === "attempts") return exportAttempts(db, actor, range);
  if (kind === "callbacks") return exportCallbacks(db, actor, range);
  return exportScripts(db, actor);
}
