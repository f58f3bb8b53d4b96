import { and, eq, gte, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { attempt, callback, importMapping, member, prospect, prospectSourceId, script, scriptVersion, user } from "@/db/schema";
import type { Queryable, Tx } from "@/db/types";
import { OUTCOME_MAPPINGS, type CallImportInput, type OutcomeMapping } from "@/lib/inputs/imports";
import { OUTCOMES, type Outcome } from "@/lib/vocabulary";
import { detectSource, mapSourceColumns, mappableFields, readCallRecord, sourceColumns, type CallRow, type ColumnOverride, type SourceColumns } from "@/server/domain/call-log";
import { foldIdentifier, repIdentifierOf, repResolution, type RepDirectory, type RepResolution } from "@/server/domain/call-reps";
import { CALL_SOURCES } from "@/server/domain/call-sources";
import type { CallField, SourceId } from "@/server/domain/call-sources/source";
import { creditCallbacks } from "@/server/domain/attribution";
import { normaliseHeader, normalisedPhone } from "@/server/domain/csv-mapping";
import { CsvError, readCsv, type CsvTable } from "@/server/domain/csv-read";
import { zoneOffsets } from "@/server/domain/csv-time";
import { formatPhone } from "@/server/domain/phone";
import { isManager, type Actor } from "./actor";
import { insertAttempts, insertCallbacks, type AttemptInsert, type CallbackInsert } from "./import-writes";
import { attributionWindowDays, reattributeProspects } from "./attribution-batch";
import { Forbidden, Invalid, NotFound } from "./errors";
import { createImportedScript, scriptLibrary, versionAt, type Versions } from "./imports";
import { getTeam } from "./teams";

// `import calls` (History issue): another tool's call export, as it is. Outbound rows become
// dials, inbound rows from a prospect become callbacks credited by attribution; all or nothing
// in one transaction; a call already imported (by its source id, or the same prospect and rep
// within 2 minutes from another source) is counted, never written twice.

export const UNRECORDED_SCRIPT_TITLE = "Script not recorded";
const DUPLICATE_WINDOW_MS = 2 * 60_000;

export type CallImportOptions = {
  source?: SourceId | "auto";
  /** Credit every dial that names no resolvable rep to this member. */
  rep?: string;
  /** CSV text with header `external,email` (the CLI), or its rows (the import page). */
  repMap?: string | readonly { external: string; email: string }[];
  /** Outcome values of the file mapped to outcomes (or to skip), beyond the source's table and the team's remembered ones. */
  outcomeMap?: readonly { value: string; outcome: OutcomeMapping }[];
  /** Which column feeds a role, beyond the source's own columns and the team's remembered choices. */
  columns?: readonly ColumnOverride[];
  /** Keep the rep, outcome and column mappings given for the source's next export (the import page's confirmation). */
  remember?: boolean;
  /** Credit every voicemail to this script (created when missing). */
  script?: string;
  dryRun?: boolean;
  now?: Date;
};

export type CallImportSummary = {
  source: SourceId | null;
  dryRun: boolean;
  /** True when the rows are now in the database. */
  written: boolean;
  rows: number;
  dials: Record<Outcome, number>;
  callbacks: number;
  alreadyImported: number;
  skipped: { line: number; reason: string }[];
  errors: { line: number; reason: string }[];
  reps: Record<string, number>;
  unresolvedReps: { identifier: string; rows: number }[];
  created: { prospects: number; scripts: number };
  /** Rows that carried only a date (placed at noon team time). */
  dateOnly: number;
  /** Every distinct outcome value of the file's outbound rows, with the outcome it reads as (null: unknown). */
  outcomeValues: { value: string; outcome: OutcomeMapping | null; rows: number }[];
  /** The source the header row alone points at, whatever source was asked for. */
  detected: SourceId | null;
  /** How the file's columns were read, once its source is known (the import page shows and overrides it). */
  columns: ColumnReading | null;
  /** Every rep identifier of the file's dials, with the member it resolves to and by which rule (null: unresolved). */
  repIdentifiers: { identifier: string; rows: number; email: string | null; via: RepResolution["via"] | null }[];
};

export type ColumnReading = {
  header: string[];
  /** The roles the source can take from a column, each with the header column (index) that feeds it, or null. */
  mapping: { field: CallField; column: number | null }[];
  /** The first rows as in the file. */
  preview: { line: number; fields: string[] }[];
};

const PREVIEW_ROWS = 5;

const noDials = (): Record<Outcome, number> => Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;

/** Rolls the transaction back once the summary is known (a dry run, or a rejected file). */
class RollBack extends Error {}

export const importSucceeded = (summary: CallImportSummary) => summary.errors.length === 0 && summary.unresolvedReps.length === 0;

function repMapRows(text: CallImportOptions["repMap"]): { line: number | null; external: string; email: string }[] {
  if (!text) return [];
  if (typeof text !== "string") return text.map((r) => ({ line: null, ...r }));
  let table: CsvTable;
  try {
    table = readCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw new Invalid(`--rep-map: ${error.line ? `line ${error.line}: ` : ""}${error.message}`);
    throw error;
  }
  const header = table.header.map((h) => h.trim().toLowerCase());
  const [external, email] = [header.indexOf("external"), header.indexOf("email")];
  if (external === -1 || email === -1) throw new Invalid("--rep-map: the header must be external,email.");
  return table.records.map((record) => ({ line: record.line, external: record.fields[external] ?? "", email: record.fields[email] ?? "" }));
}

function parseRepMap(rows: Awaited<ReturnType<typeof repMapRows>>, region: string, emails: ReadonlyMap<string, string>): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) {
    const from = row.external.trim();
    const to = row.email.trim().toLowerCase();
    const userId = emails.get(to);
    if (!userId && row.line === null) throw new NotFound("A rep mapping names someone who is not a member of this team.");
    if (!userId) throw new Invalid(`--rep-map: line ${row.line}: ${to || "(empty)"} is not a member of this team.`);
    map.set(foldIdentifier(from), userId);
    const phone = normalisedPhone(from, { region });
    if (phone) map.set(phone, userId);
  }
  return map;
}

function remembered(tx: Queryable, teamId: string, source: SourceId, kind: Mapping["kind"]) {
  return tx
    .select({ external: importMapping.external, value: importMapping.value })
    .from(importMapping)
    .where(and(eq(importMapping.teamId, teamId), eq(importMapping.source, source), eq(importMapping.kind, kind)))
    .all();
}

async function repDirectory(tx: Tx, actor: Actor, source: SourceId, options: CallImportOptions, region: string) {
  const members = await tx
    .select({ id: user.id, email: user.email, name: user.name, phone: member.phone })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, actor.teamId))
    .all();
  const byEmail = new Map(members.map((m) => [m.email.toLowerCase(), m.id]));
  const byName = new Map<string, string | null>();
  for (const m of members) byName.set(foldIdentifier(m.name), byName.has(foldIdentifier(m.name)) ? null : m.id);
  const byPhone = new Map(members.filter((m) => m.phone).map((m) => [m.phone!, m.id]));
  const fallback = options.rep ? (byEmail.get(options.rep.trim().toLowerCase()) ?? null) : null;
  if (options.rep && !fallback) throw new Invalid(`--rep: ${options.rep} is not a member of this team.`);
  const rememberedReps = new Map<string, string>();
  for (const r of await remembered(tx, actor.teamId, source, "rep")) {
    const userId = byEmail.get(r.value.toLowerCase());
    if (userId) rememberedReps.set(foldIdentifier(r.external), userId);
  }
  const directory: RepDirectory = { repMap: parseRepMap(repMapRows(options.repMap), region, byEmail), remembered: rememberedReps, byEmail, byName, byPhone, fallback };
  const emailOf = new Map(members.map((m) => [m.id, m.email.toLowerCase()]));
  return { directory, emailOf };
}

/** The team's one "Script not recorded" script, created (shared, stage any) on first need. */
async function unrecordedScript(tx: Tx, actor: Actor): Promise<{ versions: Versions; created: boolean }> {
  const existing = await tx
    .select({ id: scriptVersion.id, createdAt: scriptVersion.createdAt })
    .from(script)
    .innerJoin(scriptVersion, eq(scriptVersion.scriptId, script.id))
    .where(and(eq(script.teamId, actor.teamId), eq(script.unrecorded, true)))
    .orderBy(scriptVersion.number)
    .all();
  if (existing.length) return { versions: existing.map((v) => ({ id: v.id, from: v.createdAt.getTime() })), created: false };
  const versions = await createImportedScript(tx, actor, UNRECORDED_SCRIPT_TITLE);
  await tx.update(script).set({ unrecorded: true }).where(and(eq(script.teamId, actor.teamId), eq(script.title, UNRECORDED_SCRIPT_TITLE))).run();
  return { versions, created: true };
}

const foldName = (name: string | null, company: string | null) => `${foldIdentifier(name ?? "")}|${foldIdentifier(company ?? "")}`;

/** The team's prospects by phone, by this source's contact id and by name and company; creates the missing. */
async function prospectFinder(tx: Tx, actor: Actor, source: SourceId) {
  const rows = await tx.select({ id: prospect.id, phone: prospect.phone, name: prospect.name, company: prospect.company }).from(prospect).where(eq(prospect.teamId, actor.teamId)).all();
  const byPhone = new Map<string, number>();
  const byName = new Map<string, number>();
  for (const r of rows) {
    if (r.phone) byPhone.set(r.phone, r.id);
    if (!byName.has(foldName(r.name, r.company))) byName.set(foldName(r.name, r.company), r.id);
  }
  const byContact = new Map(
    (await tx
      .select({ externalId: prospectSourceId.externalId, prospectId: prospectSourceId.prospectId })
      .from(prospectSourceId)
      .where(and(eq(prospectSourceId.teamId, actor.teamId), eq(prospectSourceId.source, source)))
      .all())
      .map((r) => [r.externalId, r.prospectId]),
  );
  // Prepared once and run per row, without RETURNING (which doubled insert time in the attempts import).
  const insertProspect = tx
    .insert(prospect)
    .values({ teamId: actor.teamId, name: sql.placeholder("name"), company: sql.placeholder("company"), phone: sql.placeholder("phone"), ownerId: sql.placeholder("ownerId") })
    .returning({ id: prospect.id })
    .prepare();
  const insertContact = tx
    .insert(prospectSourceId)
    .values({ teamId: actor.teamId, source, externalId: sql.placeholder("externalId"), prospectId: sql.placeholder("prospectId") })
    .prepare();
  /** Prospects this import created: no other source can have dialled them. */
  const createdIds = new Set<number>();
  const remember = async (id: number, row: CallRow) => {
    if (row.contactId && !byContact.has(row.contactId)) {
      await insertContact.run({ externalId: row.contactId, prospectId: id });
      byContact.set(row.contactId, id);
    }
    return id;
  };
  const find = (row: CallRow) =>
    (row.prospectPhone ? byPhone.get(row.prospectPhone) : undefined) ??
    (row.contactId ? byContact.get(row.contactId) : undefined) ??
    (!row.prospectPhone && !row.contactId && row.contactName ? byName.get(foldName(row.contactName, row.company)) : undefined);
  return {
    created: () => createdIds.size,
    isNew: (id: number) => createdIds.has(id),
    /** A callback's prospect: by phone or contact id only (a name is no evidence of who called). */
    caller: (row: CallRow) => (row.prospectPhone ? byPhone.get(row.prospectPhone) : undefined) ?? (row.contactId ? byContact.get(row.contactId) : undefined),
    async dialled(row: CallRow, ownerId: string): Promise<number> {
      const found = find(row);
      if (found !== undefined) return remember(found, row);
      const name = row.contactName ?? (row.prospectPhone ? formatPhone(row.prospectPhone) : null) ?? row.contactId ?? "Unknown prospect";
      const id = (await insertProspect.get({ name, company: row.company, phone: row.prospectPhone, ownerId }))!.id;
      createdIds.add(id);
      if (row.prospectPhone) byPhone.set(row.prospectPhone, id);
      if (!row.contactId) byName.set(foldName(name, row.company), id);
      return remember(id, row);
    },
  };
}

/**
 * Attribution of the prospects this import creates, from the file's rows alone (they have no
 * other dials or callbacks): each of their voicemails gets its number and returned facts, and the
 * result is, per callback (by index), the call id of the voicemail it is credited to. Indexes
 * stand in for ids: rows are written, and given ids, in this order.
 */
function attributeNewProspects(dials: AttemptInsert[], callbacks: CallbackInsert[], isNew: (id: number) => boolean, windowDays: number): Map<number, string> {
  const byProspect = new Map<number, { voicemails: { id: number; at: number }[]; callbacks: { id: number; at: number; result: string }[] }>();
  const of = (id: number) => {
    let entry = byProspect.get(id);
    if (!entry) byProspect.set(id, (entry = { voicemails: [], callbacks: [] }));
    return entry;
  };
  dials.forEach((d, i) => {
    if (d.outcome === "voicemail" && isNew(d.prospectId)) of(d.prospectId).voicemails.push({ id: i, at: d.at.getTime() });
  });
  callbacks.forEach((c, i) => {
    if (isNew(c.prospectId)) of(c.prospectId).callbacks.push({ id: i, at: c.at.getTime(), result: c.result });
  });
  const credits = new Map<number, string>();
  for (const entry of byProspect.values()) {
    const result = creditCallbacks(entry.voicemails, entry.callbacks, windowDays);
    for (const [i, facts] of result.voicemails) Object.assign(dials[i], facts);
    for (const [i, voicemail] of result.credits) if (voicemail !== null) credits.set(i, dials[voicemail].sourceCallId!);
  }
  return credits;
}

/** The ids of this source's dials by their call ids, read 500 at a time. */
async function attemptIdsByCall(tx: Tx, teamId: string, source: SourceId, callIds: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < callIds.length; i += 500) {
    const rows = await tx
      .select({ id: attempt.id, callId: attempt.sourceCallId })
      .from(attempt)
      .where(and(eq(attempt.teamId, teamId), eq(attempt.source, source), inArray(attempt.sourceCallId, callIds.slice(i, i + 500))))
      .all();
    for (const r of rows) ids.set(r.callId!, r.id);
  }
  return ids;
}

/** A role the manager set to no column is remembered with an empty value. */
async function rememberedColumns(db: Queryable, teamId: string, source: SourceId): Promise<ColumnOverride[]> {
  return (await remembered(db, teamId, source, "column")).map((r) => ({ field: r.external as CallField, column: r.value || null }));
}

function columnReading(table: CsvTable, columns: SourceColumns): ColumnReading {
  return {
    header: table.header,
    mapping: mappableFields(columns.source).map((field) => ({ field, column: columns.index[field] ?? null })),
    preview: table.records.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, fields: r.fields })),
  };
}

async function readFile(db: Db, teamId: string, csvText: string, sourceId: SourceId | "auto", overrides: readonly ColumnOverride[]) {
  let table: CsvTable;
  try {
    table = readCsv(csvText);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { error: { line: error.line ?? 1, reason: error.message }, detected: null, reading: null };
  }
  const detected = detectSource(table.header)?.id ?? null;
  const chosen = sourceId === "auto" ? detected : sourceId;
  const all = chosen ? [...await rememberedColumns(db, teamId, chosen), ...overrides] : [];
  try {
    const columns = sourceColumns(sourceId, table.header, table.headerLine, all);
    return { table, columns, detected, reading: columnReading(table, columns) };
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // Still read as the chosen source when the header lacks some of its columns, so that the page can map them.
    const reading = chosen ? columnReading(table, mapSourceColumns(CALL_SOURCES[chosen], table.header, all).columns) : null;
    return { error: { line: error.line ?? 1, reason: error.message }, detected, reading };
  }
}

const emptySummary = (source: SourceId | null, dryRun: boolean): CallImportSummary => ({
    source,
    dryRun,
    written: false,
    rows: 0,
    dials: noDials(),
    callbacks: 0,
    alreadyImported: 0,
    skipped: [],
    errors: [],
    reps: {},
    unresolvedReps: [],
    created: { prospects: 0, scripts: 0 },
    dateOnly: 0,
    outcomeValues: [],
    detected: null,
    columns: null,
    repIdentifiers: [],
});

export async function importCalls(db: Db, actor: Actor, csvText: string, options: CallImportOptions = {}): Promise<CallImportSummary> {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners can import.");
  const team = await getTeam(db, actor.teamId);
  const summary = emptySummary(options.source && options.source !== "auto" ? options.source : null, Boolean(options.dryRun));
  const file = await readFile(db, actor.teamId, csvText, options.source ?? "auto", options.columns ?? []);
  summary.detected = file.detected;
  summary.columns = file.reading;
  if ("error" in file) return { ...summary, errors: [file.error!] };
  const { table, columns } = file;
  const source = columns.source.id;
  summary.source = source;
  summary.rows = table.records.length;

  let result = summary;
  try {
    await db.transaction(
      async (tx) => {
        result = await writeCalls(tx, actor, table, columns, options, summary, team);
        if (options.dryRun || !importSucceeded(result)) throw new RollBack();
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (!(error instanceof RollBack)) throw error;
  }
  return { ...result, written: !options.dryRun && importSucceeded(result) };
}

/** Per call id, the row of another source (or typed by hand) that a call of the file was found to repeat. */
type MergedInto = Map<string, { dialId: number } | { callbackId: number }>;

async function writeCalls(
  tx: Tx,
  actor: Actor,
  table: CsvTable,
  columns: SourceColumns,
  options: CallImportOptions,
  summary: CallImportSummary,
  team: { timezone: string; defaultRegion: string },
  mergedInto?: MergedInto,
): Promise<CallImportSummary> {
  const source = columns.source.id;
  const outcomeMappings = new Map<string, OutcomeMapping>();
  for (const r of await remembered(tx, actor.teamId, source, "outcome")) if ((OUTCOME_MAPPINGS as readonly string[]).includes(r.value)) outcomeMappings.set(r.external.toLowerCase(), r.value as OutcomeMapping);
  for (const m of options.outcomeMap ?? []) outcomeMappings.set(m.value.trim().toLowerCase(), m.outcome);
  const context = { offsetAt: zoneOffsets(team.timezone), region: team.defaultRegion, phones: new Map<string, string | null>(), outcomeMappings, now: options.now ?? new Date() };

  const calls: CallRow[] = [];
  const outcomeValues = new Map<string, { value: string; outcome: OutcomeMapping | null; rows: number }>();
  const countValue = (value: string, outcome: OutcomeMapping | null) => {
    // Twilio's `completed` is a voicemail when a machine answered and connected otherwise: both are listed.
    const key = `${value.toLowerCase()}\u0000${outcome}`;
    const entry = outcomeValues.get(key) ?? { value, outcome, rows: 0 };
    entry.rows++;
    outcomeValues.set(key, entry);
  };
  for (const record of table.records) {
    const read = readCallRecord(record, columns, context);
    if (read.kind === "call") calls.push(read);
    else if (read.kind === "skip") summary.skipped.push({ line: read.line, reason: read.reason });
    else summary.errors.push({ line: read.line, reason: read.reason });
    if (read.kind === "call" && read.outcome) countValue(read.outcomeValue, read.outcome);
    if (read.kind === "error" && read.outcomeValue !== undefined) countValue(read.outcomeValue, null);
    if (read.kind === "skip" && read.outcomeValue !== undefined) countValue(read.outcomeValue, "skip");
  }
  summary.outcomeValues = [...outcomeValues.values()].sort((a, b) => b.rows - a.rows || a.value.localeCompare(b.value));

  const { directory, emailOf } = await repDirectory(tx, actor, source, options, team.defaultRegion);
  const dials: { row: CallRow; repId: string }[] = [];
  const identifiers = new Map<string, CallImportSummary["repIdentifiers"][number]>();
  for (const row of calls) {
    if (row.direction === "inbound") continue;
    const found = repResolution(row.rep, row.repPhone, directory);
    if (found) dials.push({ row, repId: found.userId });
    const identifier = repIdentifierOf(row.rep, row.repPhone);
    const entry = identifiers.get(identifier) ?? { identifier, rows: 0, email: found ? emailOf.get(found.userId)! : null, via: found?.via ?? null };
    entry.rows++;
    identifiers.set(identifier, entry);
  }
  summary.repIdentifiers = [...identifiers.values()].sort((a, b) => b.rows - a.rows || a.identifier.localeCompare(b.identifier));
  summary.unresolvedReps = summary.repIdentifiers.filter((r) => r.email === null).map(({ identifier, rows }) => ({ identifier, rows }));
  if (!importSucceeded(summary)) return summary;

  const prospects = await prospectFinder(tx, actor, source);
  const scripts = await scriptLibrary(tx, actor.teamId);
  let unrecorded: Versions | null = null;
  const versionFor = async (row: CallRow): Promise<number> => {
    const title = options.script?.trim() || row.scriptTitle;
    if (!title) {
      if (!unrecorded) {
        const found = await unrecordedScript(tx, actor);
        unrecorded = found.versions;
        if (found.created) summary.created.scripts++;
      }
      return versionAt(unrecorded, row.at.getTime());
    }
    let versions = scripts.find(title);
    if (!versions) {
      versions = await createImportedScript(tx, actor, title);
      scripts.add(title, versions);
      summary.created.scripts++;
    }
    return versionAt(versions, row.at.getTime());
  };

  const importedIds = async (table_: typeof attempt | typeof callback) =>
    new Set(
      (await tx
        .select({ id: table_.sourceCallId })
        .from(table_)
        .where(and(eq(table_.teamId, actor.teamId), eq(table_.source, source)))
        .all())
        .map((r) => r.id!),
    );
  const dialIds = await importedIds(attempt);
  // The same call listed by another tool (or logged live): same prospect and rep within 2 minutes.
  const otherSourceDial = tx
    .select({ id: attempt.id })
    .from(attempt)
    .where(
      and(
        eq(attempt.teamId, actor.teamId),
        eq(attempt.prospectId, sql.placeholder("prospectId")),
        eq(attempt.repId, sql.placeholder("repId")),
        gte(attempt.at, sql`${sql.placeholder("from")}`),
        lte(attempt.at, sql`${sql.placeholder("to")}`),
        isNull(attempt.deletedAt),
        or(isNull(attempt.source), ne(attempt.source, source)),
      ),
    )
    .limit(1)
    .prepare();
  // Dials first (a callback's prospect may be one a dial of the file creates), each checked
  // against what is already there; then the file's own repeats (the natural keys), so that the
  // rows to write are known before anything is written.
  const newDials: (AttemptInsert & { row: CallRow })[] = [];
  const fileKeys = new Set<string>();
  for (const { row, repId } of dials) {
    const prospectId = await prospects.dialled(row, repId);
    const at = row.at.getTime();
    const outcome = row.outcome!;
    const key = `${prospectId}|${repId}|${at}|${outcome}`;
    const repeated = dialIds.has(row.callId) || fileKeys.has(key);
    const other = repeated || prospects.isNew(prospectId) ? undefined : await otherSourceDial.get({ prospectId, repId, from: at - DUPLICATE_WINDOW_MS, to: at + DUPLICATE_WINDOW_MS });
    if (repeated || other) {
      if (other) mergedInto?.set(row.callId, { dialId: other.id });
      summary.alreadyImported++;
      continue;
    }
    dialIds.add(row.callId);
    fileKeys.add(key);
    newDials.push({
      row,
      repId,
      prospectId,
      at: row.at,
      outcome,
      scriptVersionId: outcome === "voicemail" ? await versionFor(row) : null,
      messageSeconds: row.messageSeconds,
      notes: row.notes,
      source,
      sourceCallId: row.callId,
    });
  }

  const callbackIds = await importedIds(callback);
  const otherSourceCallback = tx
    .select({ id: callback.id })
    .from(callback)
    .where(
      and(
        eq(callback.teamId, actor.teamId),
        eq(callback.prospectId, sql.placeholder("prospectId")),
        gte(callback.at, sql`${sql.placeholder("from")}`),
        lte(callback.at, sql`${sql.placeholder("to")}`),
        isNull(callback.deletedAt),
        or(isNull(callback.source), ne(callback.source, source)),
      ),
    )
    .limit(1)
    .prepare();
  const newCallbacks: (CallbackInsert & { row: CallRow })[] = [];
  for (const row of calls) {
    if (row.direction !== "inbound") continue;
    const prospectId = prospects.caller(row);
    if (prospectId === undefined) {
      summary.skipped.push({ line: row.line, reason: "an inbound call from a number that is no prospect's" });
      continue;
    }
    const at = row.at.getTime();
    const key = `${prospectId}|${at}`;
    const repeated = callbackIds.has(row.callId) || fileKeys.has(key);
    const other = repeated || prospects.isNew(prospectId) ? undefined : await otherSourceCallback.get({ prospectId, from: at - DUPLICATE_WINDOW_MS, to: at + DUPLICATE_WINDOW_MS });
    if (repeated || other) {
      if (other) mergedInto?.set(row.callId, { callbackId: other.id });
      summary.alreadyImported++;
      continue;
    }
    callbackIds.add(row.callId);
    fileKeys.add(key);
    newCallbacks.push({ row, prospectId, at: row.at, result: "other", notes: row.notes, loggedById: actor.userId, source, sourceCallId: row.callId });
  }

  // A prospect this import creates has every dial and callback in the file: attribution is
  // computed here and written with the rows, instead of re-reading and updating them afterwards
  // (which was a third of a 100k-row import's time). Others are reattributed at the end.
  const credits = attributeNewProspects(newDials, newCallbacks, prospects.isNew, await attributionWindowDays(tx, actor.teamId));

  const affected = new Set<number>();
  const dialWritten = await insertAttempts(tx, actor.teamId, newDials);
  newDials.forEach((dial, i) => {
    if (!dialWritten[i]) {
      summary.alreadyImported++;
      return;
    }
    summary.dials[dial.outcome]++;
    if (dial.row.dateOnly) summary.dateOnly++;
    const email = emailOf.get(dial.repId)!;
    summary.reps[email] = (summary.reps[email] ?? 0) + 1;
    if (dial.outcome === "voicemail" && !prospects.isNew(dial.prospectId)) affected.add(dial.prospectId);
  });

  const creditedIds = await attemptIdsByCall(tx, actor.teamId, source, [...new Set(credits.values())]);
  for (const [i, callId] of credits) newCallbacks[i].creditedAttemptId = creditedIds.get(callId) ?? null;
  const callbackWritten = await insertCallbacks(tx, actor.teamId, newCallbacks);
  newCallbacks.forEach((cb, i) => {
    if (!callbackWritten[i]) {
      summary.alreadyImported++;
      return;
    }
    summary.callbacks++;
    if (cb.row.dateOnly) summary.dateOnly++;
    if (!prospects.isNew(cb.prospectId)) affected.add(cb.prospectId);
  });

  summary.created.prospects = prospects.created();
  summary.skipped.sort((a, b) => a.line - b.line);
  await reattributeProspects(tx, actor.teamId, affected);
  // Rolled back with everything else when the file is refused or this is a dry run.
  if (options.remember) {
    const reps = repMapRows(options.repMap).map((r) => ({ kind: "rep" as const, external: r.external, value: r.email }));
    const outcomes = (options.outcomeMap ?? []).map((m) => ({ kind: "outcome" as const, external: m.value, value: m.outcome }));
    const fields = (options.columns ?? []).map((c) => ({ kind: "column" as const, external: c.field, value: c.column === null ? "" : normaliseHeader(c.column) }));
    await storeMappings(tx, actor, source, [...reps, ...outcomes, ...fields]);
  }
  return summary;
}

/** A rep identifier → a member's e-mail; an outcome value → an outcome or skip; a role → a (normalised) header, or "" for none. */
type Mapping = { kind: "rep" | "outcome" | "column"; external: string; value: string };

const mappingKey = (m: Mapping) => (m.kind === "rep" ? foldIdentifier(m.external) : m.kind === "outcome" ? m.external.trim().toLowerCase() : m.external);

async function storeMappings(tx: Tx, actor: Actor, source: SourceId, mappings: Mapping[]) {
  for (const m of mappings) {
    const external = mappingKey(m);
    const value = m.value.trim().toLowerCase();
    await tx.insert(importMapping)
      .values({ teamId: actor.teamId, source, kind: m.kind, external, value })
      .onConflictDoUpdate({ target: [importMapping.teamId, importMapping.source, importMapping.kind, importMapping.external], set: { value } })
      .run();
  }
}

/**
 * The import page's entry: a dry run shows what the file holds and what is unknown; the real run
 * remembers the rep and outcome mappings the manager confirmed, for the team and the source.
 */
export async function importCallsFromPage(db: Db, actor: Actor, input: CallImportInput, listLimit: number) {
  const summary = await importCalls(db, actor, input.csv, {
    source: input.source,
    repMap: input.reps,
    outcomeMap: input.outcomes,
    columns: input.columns,
    dryRun: input.dryRun,
    remember: true,
  });
  return { ...summary, errorCount: summary.errors.length, errors: summary.errors.slice(0, listLimit), skipped: summary.skipped.slice(0, listLimit), skippedCount: summary.skipped.length };
}

/** Remembers what a manager confirmed for a source, so the next export from that tool imports as it is. */
export async function rememberMappings(db: Db, actor: Actor, source: SourceId, mappings: Mapping[]) {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners can import.");
  await db.transaction(async (tx) => storeMappings(tx, actor, source, mappings));
}

/** What one call of a source came to: a dial or callback (new, or the one it repeats), or why nothing was written. */
export type CallRecordResult =
  | { kind: "dial"; id: number; outcome: Outcome; voicemailNumber: number | null; repeat: boolean; merged: boolean }
  | { kind: "callback"; id: number; creditedAttemptId: number | null; repeat: boolean; merged: boolean }
  | { kind: "ignored"; reason: string }
  | { kind: "error"; reason: string };

/**
 * One call as `sourceId`'s export would list it (a webhook's event, header → cell), through the
 * same rules and writes as a file's rows, inside the caller's transaction: a repeat of its call
 * id, or the same prospect and rep within 2 minutes of a dial logged by hand or by another
 * source, writes nothing and answers the row already there.
 */
export async function writeCallRecord(tx: Tx, actor: Actor, sourceId: SourceId, cells: Readonly<Record<string, string>>, now: Date): Promise<CallRecordResult> {
  const header = Object.keys(cells);
  const table: CsvTable = { header, headerLine: 1, records: [{ line: 2, fields: Object.values(cells) }] };
  const columns = sourceColumns(sourceId, header);
  const mergedInto: MergedInto = new Map();
  const team = await getTeam(tx, actor.teamId);
  const summary = await writeCalls(tx, actor, table, columns, { now }, emptySummary(sourceId, false), team, mergedInto);
  if (summary.errors.length) return { kind: "error", reason: summary.errors[0].reason };
  if (summary.unresolvedReps.length) return { kind: "ignored", reason: `no member of the team is ${summary.unresolvedReps[0].identifier} (set the member's phone on their profile)` };
  if (summary.skipped.length) return { kind: "ignored", reason: summary.skipped[0].reason };
  const read = readCallRecord(table.records[0], columns, { offsetAt: zoneOffsets(team.timezone), region: team.defaultRegion, now });
  if (read.kind !== "call") return { kind: "ignored", reason: "not a call" };
  const repeat = summary.alreadyImported > 0;
  const merged = mergedInto.get(read.callId);
  if (read.direction === "outbound") {
    const id = merged && "dialId" in merged ? merged.dialId : (await attemptIdsByCall(tx, actor.teamId, sourceId, [read.callId])).get(read.callId);
    const dial = id === undefined ? undefined : await tx.select({ outcome: attempt.outcome, voicemailNumber: attempt.voicemailNumber }).from(attempt).where(eq(attempt.id, id)).get();
    if (id === undefined || !dial) return { kind: "ignored", reason: "the dial was not written" };
    return { kind: "dial", id, outcome: dial.outcome, voicemailNumber: dial.voicemailNumber, repeat, merged: Boolean(merged) };
  }
  const found =
    merged && "callbackId" in merged
      ? await tx.select({ id: callback.id, credited: callback.creditedAttemptId }).from(callback).where(eq(callback.id, merged.callbackId)).get()
      : await tx
          .select({ id: callback.id, credited: callback.creditedAttemptId })
          .from(callback)
          .where(and(eq(callback.teamId, actor.teamId), eq(callback.source, sourceId), eq(callback.sourceCallId, read.callId)))
          .get();
  if (!found) return { kind: "ignored", reason: "the callback was not written" };
  return { kind: "callback", id: found.id, creditedAttemptId: found.credited, repeat, merged: Boolean(merged) };
}
