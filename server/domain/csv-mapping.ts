// CSV records → domain rows (DESIGN.md, "Command-line tool and file formats"). Pure: a bad row
// becomes {line, reason} with every problem of that row in the reason, never an exception.

import {
  ATTEMPT_COLUMNS,
  ATTEMPT_REQUIRED,
  CALLBACK_COLUMNS,
  CALLBACK_REQUIRED,
  type AttemptColumn,
  type CallbackColumn,
} from "@/lib/inputs/imports";
import type { CallbackResult, Outcome } from "@/lib/vocabulary";
import { restoreFormula } from "./csv";
import { CsvError, type CsvRecord } from "./csv-read";
import { parseCsvTime, type ParsedTime, type ZoneOffsets } from "./csv-time";
import { ENTRY_TIME_REASONS, entryTimeProblem } from "./entry-time";
import { normalisePhone } from "./phone";

export type RowError = { line: number; reason: string };

/** How the file's header was understood: each column with the field it feeds, or null if ignored. */
export type ColumnMapping = { column: string; field: string | null }[];

export type Columns<K extends string> = { index: Partial<Record<K, number>>; mapping: ColumnMapping; ignored: string[] };

/** `Rep Email`, `rep-email` and `rep_email` name the same column. */
export const normaliseHeader = (name: string) => name.trim().toLowerCase().replace(/[\s-]+/g, "_");

export function mapColumns<K extends string>(header: string[], known: readonly K[], required: readonly K[], headerLine = 1): Columns<K> {
  const index: Partial<Record<K, number>> = {};
  const mapping: ColumnMapping = [];
  const ignored: string[] = [];
  header.forEach((raw, i) => {
    const name = normaliseHeader(raw) as K;
    if (!known.includes(name)) {
      mapping.push({ column: raw, field: null });
      ignored.push(raw);
      return;
    }
    if (index[name] !== undefined) throw new CsvError(`The column ${name} appears twice in the header.`, headerLine);
    index[name] = i;
    mapping.push({ column: raw, field: name });
  });
  const missing = required.filter((c) => index[c] === undefined);
  if (missing.length) {
    throw new CsvError(
      `The header row lacks ${missing.length === 1 ? "the column" : "the columns"} ${missing.join(", ")} (the first non-blank line must name the columns).`,
      headerLine,
    );
  }
  return { index, mapping, ignored };
}

export const OUTCOME_SPELLINGS: Record<string, Outcome> = {
  voicemail: "voicemail",
  "left voicemail": "voicemail",
  "vm-left": "voicemail",
  "vm-dropped": "voicemail",
  "no-message": "no-message",
  "no answer": "no-message",
  "no-answer": "no-message",
  busy: "no-message",
  connected: "connected",
  answered: "connected",
  "left live message": "connected",
  "bad-number": "bad-number",
  "wrong number": "bad-number",
  "bad number": "bad-number",
};

export const RESULT_SPELLINGS: Record<string, CallbackResult> = {
  appointment: "appointment",
  "meeting booked": "appointment",
  interested: "interested",
  "not-interested": "not-interested",
  "not interested": "not-interested",
  other: "other",
};

const spelling = (raw: string) => raw.trim().toLowerCase().replace(/\s+/g, " ");

/** An outcome as a CSV, a CRM or the REST API spells it (case and spacing ignored), or undefined. */
// Own keys only: "constructor" is no outcome, whatever Object.prototype says.
const spelled = <T>(table: Record<string, T>, raw: string): T | undefined => (Object.hasOwn(table, spelling(raw)) ? table[spelling(raw)] : undefined);
export const outcomeOfSpelling = (raw: string): Outcome | undefined => spelled(OUTCOME_SPELLINGS, raw);
export const resultOfSpelling = (raw: string): CallbackResult | undefined => spelled(RESULT_SPELLINGS, raw);

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type MappingContext = {
  offsetAt: ZoneOffsets;
  region: string;
  /** Normalised phones by their spelling: a call log repeats each prospect's number. */
  phones?: Map<string, string | null>;
  /** The clock entry times are checked against (server/domain/entry-time); the real one when absent. */
  now?: number;
};

/** The row's time, parsed and held to the rule every entry path applies. */
function entryTime(raw: string, context: MappingContext): ParsedTime {
  const time = parseCsvTime(raw, context.offsetAt);
  if (!time.ok) return time;
  const problem = entryTimeProblem(time.at.getTime(), context.now ?? Date.now());
  return problem ? { ok: false, reason: `time “${raw.trim()}” ${ENTRY_TIME_REASONS[problem]}` } : time;
}

/** Digits, spaces and the usual separators only: libphonenumber reads these as their digits. */
const PLAIN_PHONE = /^\+?[\d\s().-]+$/;

export function normalisedPhone(text: string, context: Pick<MappingContext, "region" | "phones">): string | null {
  // One cache entry per number, not per spelling: a CRM log writes a number several ways, and
  // parsing is most of the time spent mapping a large file. Letters (vanity numbers, "ext.")
  // keep their own spelling as the key.
  const key = PLAIN_PHONE.test(text) ? (text.startsWith("+") ? "+" : "") + text.replace(/\D/g, "") : text;
  let phone = context.phones?.get(key);
  if (phone === undefined) {
    phone = normalisePhone(text, context.region);
    context.phones?.set(key, phone);
    // An E.164 number reads as itself, so a later "+1…" spelling needs no parse either.
    if (phone) context.phones?.set(phone, phone);
  }
  return phone;
}

/** Cell reader for one record: text with export escaping undone, problems collected. */
function cells<K extends string>(record: CsvRecord, columns: Columns<K>) {
  const problems: string[] = [];
  const raw = (key: K) => {
    const i = columns.index[key];
    return i === undefined ? "" : (record.fields[i] ?? "");
  };
  const text = (key: K, label: string, max: number) => {
    const value = restoreFormula(raw(key).trim());
    if (value.length > max) problems.push(`${label} is longer than ${max} characters`);
    if (CONTROL.test(value)) problems.push(`${label} contains control characters`);
    return value;
  };
  return { problems, raw, text };
}

function fieldCountProblem(record: CsvRecord, width: number): string | null {
  return record.fields.length === width ? null : `has ${record.fields.length} fields but the header has ${width}`;
}

export type AttemptRow = {
  line: number;
  at: Date;
  repEmail: string;
  prospectName: string;
  /** E.164 with the team's default region. */
  prospectPhone: string;
  prospectCompany: string | null;
  outcome: Outcome;
  /** Only voicemails carry a script; other outcomes ignore the column. */
  scriptTitle: string | null;
  messageSeconds: number | null;
  notes: string | null;
};

export function mapAttemptRecord(record: CsvRecord, columns: Columns<AttemptColumn>, width: number, context: MappingContext): AttemptRow | RowError {
  const wrongWidth = fieldCountProblem(record, width);
  if (wrongWidth) return { line: record.line, reason: wrongWidth };
  const { problems, raw, text } = cells(record, columns);

  const time = entryTime(raw("time"), context);
  if (!time.ok) problems.push(time.reason);

  const repEmail = text("rep_email", "rep_email", 254).toLowerCase();
  if (!repEmail) problems.push("rep_email is empty");
  else if (!EMAIL.test(repEmail)) problems.push(`rep_email “${repEmail}” is not an email address`);

  const prospectName = text("prospect_name", "prospect_name", 120);
  if (!prospectName) problems.push("prospect_name is empty");

  const phoneText = text("prospect_phone", "prospect_phone", 40);
  const prospectPhone = phoneText ? normalisedPhone(phoneText, context) : null;
  if (!phoneText) problems.push("prospect_phone is empty");
  else if (!prospectPhone) problems.push(`prospect_phone “${phoneText}” is not a phone number`);

  const prospectCompany = text("prospect_company", "prospect_company", 200) || null;

  const outcomeText = raw("outcome");
  const outcome = outcomeOfSpelling(outcomeText);
  if (!outcome) {
    problems.push(
      outcomeText.trim()
        ? `outcome “${outcomeText.trim()}” is not one of voicemail, no-message, connected, bad-number (or a common CRM spelling of them)`
        : "outcome is empty",
    );
  }

  const voicemail = outcome === "voicemail";
  const scriptText = text("script", "script", 200);
  if (voicemail && !scriptText) problems.push("a voicemail needs the title of the script used (column script)");

  let messageSeconds: number | null = null;
  const secondsText = raw("message_seconds").trim();
  if (voicemail && secondsText) {
    messageSeconds = /^\d+$/.test(secondsText) ? Number(secondsText) : NaN;
    if (!(messageSeconds >= 1 && messageSeconds <= 600)) problems.push(`message_seconds “${secondsText}” is not a whole number from 1 to 600`);
  }

  const notes = text("notes", "notes", 2000) || null;

  if (problems.length || !time.ok || !outcome || !prospectPhone) return { line: record.line, reason: problems.join("; ") };
  return {
    line: record.line,
    at: time.at,
    repEmail,
    prospectName,
    prospectPhone,
    prospectCompany,
    outcome,
    scriptTitle: voicemail ? scriptText : null,
    messageSeconds,
    notes,
  };
}

export type CallbackRow = {
  line: number;
  at: Date;
  prospectPhone: string;
  result: CallbackResult;
  notes: string | null;
};

export function mapCallbackRecord(record: CsvRecord, columns: Columns<CallbackColumn>, width: number, context: MappingContext): CallbackRow | RowError {
  const wrongWidth = fieldCountProblem(record, width);
  if (wrongWidth) return { line: record.line, reason: wrongWidth };
  const { problems, raw, text } = cells(record, columns);

  const time = entryTime(raw("time"), context);
  if (!time.ok) problems.push(time.reason);

  const phoneText = text("prospect_phone", "prospect_phone", 40);
  const prospectPhone = phoneText ? normalisedPhone(phoneText, context) : null;
  if (!phoneText) problems.push("prospect_phone is empty");
  else if (!prospectPhone) problems.push(`prospect_phone “${phoneText}” is not a phone number`);

  const resultText = raw("result");
  const result = resultOfSpelling(resultText);
  if (!result) {
    problems.push(
      resultText.trim() ? `result “${resultText.trim()}” is not one of appointment (or meeting booked), interested, not-interested, other` : "result is empty",
    );
  }

  const notes = text("notes", "notes", 2000) || null;

  if (problems.length || !time.ok || !result || !prospectPhone) return { line: record.line, reason: problems.join("; ") };
  return { line: record.line, at: time.at, prospectPhone, result, notes };
}

export const isRowError = (row: object): row is RowError => "reason" in row;

export const attemptColumns = (header: string[], headerLine?: number) => mapColumns(header, ATTEMPT_COLUMNS, ATTEMPT_REQUIRED, headerLine);
export const callbackColumns = (header: string[], headerLine?: number) => mapColumns(header, CALLBACK_COLUMNS, CALLBACK_REQUIRED, headerLine);
