import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { member, prospect, script, scriptVersion, user } from "@/db/schema";
import type { Tx } from "@/db/types";
import type { ImportInput, ImportKind } from "@/lib/inputs/imports";
import {
  attemptColumns,
  callbackColumns,
  isRowError,
  mapAttemptRecord,
  mapCallbackRecord,
  type AttemptRow,
  type CallbackRow,
  type ColumnMapping,
  type RowError,
} from "@/server/domain/csv-mapping";
import { CsvError, readCsv, type CsvTable } from "@/server/domain/csv-read";
import { zoneOffsets } from "@/server/domain/csv-time";
import { creditCallbacks, type VoicemailFact } from "@/server/domain/attribution";
import { wordCount } from "@/server/domain/script-template";
import { isManager, type Actor } from "./actor";
import { reattributeProspects } from "./attribution-batch";
import { insertAttempts, insertCallbacks, insertProspects } from "./import-writes";
import { Forbidden } from "./errors";
import { getTeam } from "./teams";

// CSV import (DESIGN.md, "Command-line tool and file formats"): all or nothing in one
// transaction, every bad row reported with its line, a repeated import adds nothing (the natural
// unique indexes on attempt and callback skip what is already there).
//
// Decisions: a rep must already be a member of the team — --create-missing creates scripts, never
// accounts, because giving someone a login is not something a call log should do. A new prospect
// is owned by the rep of its first row; an existing prospect's name and company are left as they
// are. A voicemail is stamped with the script version in effect at its time.

export type ImportProgress = { phase: "checking" | "writing" | "attributing"; done: number; total: number };

export type ImportOptions = {
  createMissing?: boolean;
  dryRun?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Keep at most this many errors in the summary (errorCount still counts them all). */
  errorLimit?: number;
  /** The clock rows' times are checked against (no dial or callback after it); the real one when absent. */
  now?: Date;
};

export type ImportSummary = {
  kind: ImportKind;
  dryRun: boolean;
  /** True when the rows are now in the database. */
  written: boolean;
  rows: number;
  inserted: number;
  duplicates: number;
  prospectsCreated: number;
  scriptsCreated: number;
  errors: RowError[];
  errorCount: number;
  columns: ColumnMapping;
  ignoredColumns: string[];
  /** The header and the first data rows as they are in the file, for a preview. */
  preview: { header: string[]; rows: { line: number; fields: string[] }[] };
};

const PREVIEW_ROWS = 5;
const PROGRESS_EVERY = 2000;

/** Rolls a dry run's transaction back once the summary is known. */
class DryRunDone extends Error {}

function emptySummary(kind: ImportKind, options: ImportOptions): ImportSummary {
  return {
    kind,
    dryRun: Boolean(options.dryRun),
    written: false,
    rows: 0,
    inserted: 0,
    duplicates: 0,
    prospectsCreated: 0,
    scriptsCreated: 0,
    errors: [],
    errorCount: 0,
    columns: [],
    ignoredColumns: [],
    preview: { header: [], rows: [] },
  };
}

function withErrors(summary: ImportSummary, errors: RowError[], options: ImportOptions): ImportSummary {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  return { ...summary, errors: sorted.slice(0, options.errorLimit ?? sorted.length), errorCount: sorted.length };
}

function requireManager(actor: Actor) {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners can import.");
}

/** Reads and maps the file; a file-level problem comes back as the one error. */
function readRows<Row>(
  kind: ImportKind,
  csvText: string,
  options: ImportOptions,
  columnsOf: typeof attemptColumns | typeof callbackColumns,
  mapRecord: (record: CsvTable["records"][number], columns: ReturnType<typeof columnsOf>, width: number) => Row | RowError,
) {
  const summary = emptySummary(kind, options);
  let table: CsvTable;
  let columns: ReturnType<typeof columnsOf>;
  try {
    table = readCsv(csvText);
    summary.preview = { header: table.header, rows: table.records.slice(0, PREVIEW_ROWS) };
    summary.rows = table.records.length;
    columns = columnsOf(table.header, table.headerLine);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    return { summary, rows: [] as Row[], errors: [{ line: error.line ?? 1, reason: error.message }] };
  }
  summary.columns = columns.mapping;
  summary.ignoredColumns = columns.ignored;
  const rows: Row[] = [];
  const errors: RowError[] = [];
  const total = table.records.length;
  table.records.forEach((record, i) => {
    const mapped = mapRecord(record, columns, table.header.length);
    if (isRowError(mapped as object)) errors.push(mapped as RowError);
    else rows.push(mapped as Row);
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.({ phase: "checking", done: i + 1, total });
  });
  return { summary, rows, errors };
}

/** Runs `work` in one immediate transaction (so the lookups it caches stay true), rolled back for a dry run. */
async function inTransaction(db: Db, dryRun: boolean, work: (tx: Tx) => Promise<ImportSummary>): Promise<ImportSummary> {
  let result: ImportSummary | null = null;
  try {
    await db.transaction(
      async (tx) => {
        result = await work(tx);
        if (dryRun && result.errorCount === 0) throw new DryRunDone();
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (!(error instanceof DryRunDone)) throw error;
  }
  return result!;
}

async function teamContext(db: Db, actor: Actor, options: ImportOptions) {
  const team = await getTeam(db, actor.teamId);
  return { offsetAt: zoneOffsets(team.timezone), region: team.defaultRegion, phones: new Map<string, string | null>(), now: (options.now ?? new Date()).getTime() };
}

async function prospectsByPhone(tx: Tx, teamId: string) {
  const rows = await tx.select({ id: prospect.id, phone: prospect.phone }).from(prospect).where(eq(prospect.teamId, teamId)).all();
  return new Map(rows.map((r) => [r.phone, r.id]));
}

/** Progress every PROGRESS_EVERY rows of a write loop. */
function writeProgress(options: ImportOptions, total: number) {
  return (done: number) => {
    if (done % PROGRESS_EVERY === 0 || done === total) options.onProgress?.({ phase: "writing", done, total });
  };
}

const attributing = (options: ImportOptions) => (done: number, total: number) => options.onProgress?.({ phase: "attributing", done, total });

export type Versions = { id: number; from: number }[];

const foldTitle = (title: string) => title.toLowerCase().replace(/\s+/g, " ");

/**
 * Scripts of the team by title (archived and other people's drafts included: history used them).
 * A title matches exactly, else ignoring case and spacing when that names one script: CRMs and
 * spreadsheets change "Last Try" into "Last try", and --create-missing must not fork a copy.
 */
export async function scriptLibrary(tx: Tx, teamId: string) {
  const rows = await tx
    .select({ title: script.title, versionId: scriptVersion.id, createdAt: scriptVersion.createdAt, number: scriptVersion.number })
    .from(script)
    .innerJoin(scriptVersion, eq(scriptVersion.scriptId, script.id))
    .where(eq(script.teamId, teamId))
    .orderBy(script.title, scriptVersion.number)
    .all();
  const byTitle = new Map<string, Versions>();
  for (const r of rows) {
    const list = byTitle.get(r.title) ?? [];
    list.push({ id: r.versionId, from: r.createdAt.getTime() });
    byTitle.set(r.title, list);
  }
  const byFolded = new Map<string, Versions | null>();
  const addFolded = (title: string, versions: Versions) => {
    const key = foldTitle(title);
    byFolded.set(key, byFolded.has(key) ? null : versions);
  };
  for (const [title, versions] of byTitle) addFolded(title, versions);
  return {
    find: (title: string): Versions | undefined => byTitle.get(title) ?? byFolded.get(foldTitle(title)) ?? undefined,
    add(title: string, versions: Versions) {
      byTitle.set(title, versions);
      addFolded(title, versions);
    },
  };
}

/** The version in effect at `at`: the latest made at or before it, else the first. */
export function versionAt(versions: Versions, at: number): number {
  let chosen = versions[0].id;
  for (const v of versions) if (v.from <= at) chosen = v.id;
  return chosen;
}

/** A script for a title the file names but the team lacks: shared, stage any, the title as its text. */
export async function createImportedScript(tx: Tx, actor: Actor, title: string) {
  const created = await tx.insert(script).values({ teamId: actor.teamId, title, stage: "any", authorId: actor.userId, shared: true }).returning({ id: script.id }).get();
  // Braces would read as placeholders; the body must stay a valid template.
  const body = title.replace(/[{}]/g, "").trim() || "Imported script";
  const version = await tx
    .insert(scriptVersion)
    .values({ scriptId: created.id, number: 1, body, wordCount: wordCount(body), authorId: actor.userId })
    .returning({ id: scriptVersion.id, createdAt: scriptVersion.createdAt })
    .get();
  return [{ id: version.id, from: version.createdAt.getTime() }] satisfies Versions;
}

/**
 * Attribution for prospects this import creates, computed before their rows are written: they
 * have no earlier dials and no callbacks, so the rule reduces to numbering their voicemails, and
 * writing the numbers with the rows saves re-reading and updating every one of them (a third of
 * a 100k-row import's time). Row indexes stand in for ids: ids are given in file order. A row
 * repeated in the file is written once (the natural key), so only its first copy is numbered.
 */
function voicemailNumbersOfNewProspects(rows: AttemptRow[], newProspects: Map<string, unknown>): Map<number, number> {
  const byPhone = new Map<string, VoicemailFact[]>();
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (row.outcome !== "voicemail" || !newProspects.has(row.prospectPhone)) return;
    const key = `${row.prospectPhone} ${row.repEmail} ${row.at.getTime()}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = byPhone.get(row.prospectPhone) ?? [];
    list.push({ id: i, at: row.at.getTime() });
    byPhone.set(row.prospectPhone, list);
  });
  const numbers = new Map<number, number>();
  for (const voicemails of byPhone.values()) {
    for (const [i, facts] of creditCallbacks(voicemails, [], 0).voicemails) numbers.set(i, facts.voicemailNumber);
  }
  return numbers;
}

export async function importAttempts(db: Db, actor: Actor, csvText: string, options: ImportOptions = {}): Promise<ImportSummary> {
  requireManager(actor);
  const context = await teamContext(db, actor, options);
  const read = readRows<AttemptRow>("attempts", csvText, options, attemptColumns, (record, columns, width) => mapAttemptRecord(record, columns, width, context));
  if (!read.rows.length && read.errors.length) return withErrors(read.summary, read.errors, options);

  return inTransaction(db, Boolean(options.dryRun), async (tx) => {
    const summary = { ...read.summary };
    const errors = [...read.errors];
    const reps = new Map(
      (await tx
        .select({ email: user.email, id: user.id })
        .from(member)
        .innerJoin(user, eq(user.id, member.userId))
        .where(eq(member.organizationId, actor.teamId))
        .all())
        .map((r) => [r.email.toLowerCase(), r.id]),
    );
    const scripts = await scriptLibrary(tx, actor.teamId);
    // By folded title, keeping the first spelling met: one new script per title, however written.
    const missingScripts = new Map<string, string>();
    const valid: AttemptRow[] = [];
    for (const row of read.rows) {
      const problems: string[] = [];
      if (!reps.has(row.repEmail)) problems.push(`rep_email “${row.repEmail}” is not a member of this team (add or invite them first)`);
      if (row.scriptTitle !== null && !scripts.find(row.scriptTitle)) {
        if (options.createMissing) {
          if (!missingScripts.has(foldTitle(row.scriptTitle))) missingScripts.set(foldTitle(row.scriptTitle), row.scriptTitle);
        }
        else problems.push(`no script titled “${row.scriptTitle}” in this team (create missing scripts: --create-missing, or the box on the import page)`);
      }
      if (problems.length) errors.push({ line: row.line, reason: problems.join("; ") });
      else valid.push(row);
    }
    if (errors.length) return withErrors(summary, errors, options);

    for (const title of missingScripts.values()) scripts.add(title, await createImportedScript(tx, actor, title));
    summary.scriptsCreated = missingScripts.size;

    const phones = await prospectsByPhone(tx, actor.teamId);
    const newProspects = new Map<string, { name: string; company: string | null; phone: string; ownerId: string }>();
    for (const row of valid) {
      if (phones.has(row.prospectPhone) || newProspects.has(row.prospectPhone)) continue;
      const owner = reps.get(row.repEmail)!;
      newProspects.set(row.prospectPhone, { name: row.prospectName, company: row.prospectCompany, phone: row.prospectPhone, ownerId: owner });
    }
    for (const [phone, id] of await insertProspects(tx, actor.teamId, [...newProspects.values()])) phones.set(phone, id);
    summary.prospectsCreated = newProspects.size;

    const numbered = voicemailNumbersOfNewProspects(valid, newProspects);
    const rows = valid.map((row, i) => ({
      voicemailNumber: numbered.get(i) ?? null,
      repId: reps.get(row.repEmail)!,
      prospectId: phones.get(row.prospectPhone)!,
      at: row.at,
      outcome: row.outcome,
      scriptVersionId: row.scriptTitle === null ? null : versionAt(scripts.find(row.scriptTitle)!, row.at.getTime()),
      messageSeconds: row.messageSeconds,
      notes: row.notes,
    }));
    const written = await insertAttempts(tx, actor.teamId, rows, writeProgress(options, valid.length));
    const voicemailProspects = new Set<number>();
    valid.forEach((row, i) => {
      if (!written[i]) return;
      summary.inserted++;
      if (row.outcome === "voicemail" && !newProspects.has(row.prospectPhone)) voicemailProspects.add(rows[i].prospectId);
    });
    summary.duplicates = valid.length - summary.inserted;

    // Only voicemails take part in attribution; each prospect that had rows before is recomputed
    // once, at the end (new prospects were numbered on the way in).
    await reattributeProspects(tx, actor.teamId, voicemailProspects, attributing(options));
    return { ...summary, written: !options.dryRun };
  });
}

export async function importCallbacks(db: Db, actor: Actor, csvText: string, options: ImportOptions = {}): Promise<ImportSummary> {
  requireManager(actor);
  const context = await teamContext(db, actor, options);
  const read = readRows<CallbackRow>("callbacks", csvText, options, callbackColumns, (record, columns, width) => mapCallbackRecord(record, columns, width, context));
  if (!read.rows.length && read.errors.length) return withErrors(read.summary, read.errors, options);

  return inTransaction(db, Boolean(options.dryRun), async (tx) => {
    const summary = { ...read.summary };
    const errors = [...read.errors];
    const phones = await prospectsByPhone(tx, actor.teamId);
    for (const row of read.rows) {
      if (!phones.has(row.prospectPhone)) errors.push({ line: row.line, reason: `no prospect with phone ${row.prospectPhone} in this team (import their attempts first)` });
    }
    if (errors.length) return withErrors(summary, errors, options);

    const rows = read.rows.map((row) => ({ prospectId: phones.get(row.prospectPhone)!, at: row.at, result: row.result, notes: row.notes, loggedById: actor.userId }));
    const written = await insertCallbacks(tx, actor.teamId, rows, writeProgress(options, read.rows.length));
    const affected = new Set<number>();
    const appointments = new Set<number>();
    rows.forEach((row, i) => {
      if (!written[i]) return;
      summary.inserted++;
      affected.add(row.prospectId);
      if (row.result === "appointment") appointments.add(row.prospectId);
    });
    summary.duplicates = read.rows.length - summary.inserted;

    await reattributeProspects(tx, actor.teamId, affected, attributing(options));
    // As for a callback logged live: an appointment moves the prospect to status appointment.
    for (const id of appointments) await tx.update(prospect).set({ status: "appointment" }).where(eq(prospect.id, id)).run();
    return { ...summary, written: !options.dryRun };
  });
}

/** The import page's one entry point: the kind picks the file format. */
export async function importFile(db: Db, actor: Actor, input: Required<Omit<ImportInput, "csv">> & { csv: string }, options: Pick<ImportOptions, "errorLimit"> = {}) {
  const run = input.kind === "attempts" ? importAttempts : importCallbacks;
  return run(db, actor, input.csv, { createMissing: input.createMissing, dryRun: input.dryRun, ...options });
}
