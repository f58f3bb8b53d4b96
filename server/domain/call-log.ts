// One function reads a record of any call-log source (call-sources/): the source's declaration
// says which column plays which role and how its values read. Pure: a record in, a call, a
// skipped row (not a completed call of the team's, with why) or a bad row (with why) out.

import { createHash } from "node:crypto";
import type { OutcomeMapping } from "@/lib/inputs/imports";
import { OUTCOMES, type Outcome } from "@/lib/vocabulary";
import { restoreFormula } from "./csv";
import { normaliseHeader, normalisedPhone } from "./csv-mapping";
import { CsvError, type CsvRecord } from "./csv-read";
import { parseCsvTime, type ParsedTime, type ZoneOffsets } from "./csv-time";
import { ENTRY_TIME_REASONS, entryTimeProblem } from "./entry-time";
import { CALL_SOURCES } from "./call-sources";
import { SOURCE_IDS, type CallField, type CallSource, type Direction, type SourceId } from "./call-sources/source";

export type SourceColumns = { source: CallSource; index: Partial<Record<CallField, number>>; width: number; ignored: string[] };

const headerSet = (header: string[]) => new Set(header.map(normaliseHeader));

/** The source whose signature the header carries (the most specific one when several do), or null. */
export function detectSource(header: string[]): CallSource | null {
  const names = headerSet(header);
  const matches = SOURCE_IDS.map((id) => CALL_SOURCES[id]).filter((s) => s.signature.every((c) => names.has(c)));
  return matches.sort((a, b) => b.signature.length - a.signature.length)[0] ?? null;
}

const sourceList = () => SOURCE_IDS.map((id) => `${id} (${CALL_SOURCES[id].signature.join(", ")})`).join("; ");

/** A manager's choice for one role: the column (a header as the file spells it) that feeds it, or null for none. */
export type ColumnOverride = { field: CallField; column: string | null };

/** Roles any source can take from a column the manager points at (the rest follow the source's own logic). */
const GENERIC_FIELDS: readonly CallField[] = ["callId", "rep", "contactId", "contactName", "company", "duration", "notes", "script"];

/** The roles the import page offers to map for `source`: its own, then the generic ones it lacks. */
export const mappableFields = (source: CallSource): CallField[] => [
  ...(Object.keys(source.columns) as CallField[]),
  ...GENERIC_FIELDS.filter((f) => source.columns[f] === undefined),
];

/**
 * The header read as `source`'s columns, with the manager's overrides applied in order (an
 * override naming a column the file lacks is left out: a remembered mapping meets other files),
 * and the signature columns still missing once they are.
 */
export function mapSourceColumns(source: CallSource, header: string[], overrides: readonly ColumnOverride[] = []): { columns: SourceColumns; missing: string[] } {
  const names = header.map(normaliseHeader);
  const index: Partial<Record<CallField, number>> = {};
  for (const [field, column] of Object.entries(source.columns) as [CallField, string][]) {
    const i = names.indexOf(column);
    if (i !== -1) index[field] = i;
  }
  for (const o of overrides) {
    if (o.column === null) delete index[o.field];
    else if (names.includes(normaliseHeader(o.column))) index[o.field] = names.indexOf(normaliseHeader(o.column));
  }
  const used = new Set(Object.values(index));
  const missing = source.signature.filter((c) => {
    const fields = (Object.keys(source.columns) as CallField[]).filter((f) => source.columns[f] === c);
    return fields.length ? fields.every((f) => index[f] === undefined) : !names.includes(c);
  });
  return { columns: { source, index, width: header.length, ignored: header.filter((_, i) => !used.has(i)) }, missing };
}

/** The header read as `source`'s columns; a header that lacks the source's signature is refused. */
export function sourceColumns(sourceId: SourceId | "auto", header: string[], headerLine = 1, overrides: readonly ColumnOverride[] = []): SourceColumns {
  const source = sourceId === "auto" ? detectSource(header) : CALL_SOURCES[sourceId];
  if (!source) throw new CsvError(`The header row matches no known source. The sources and the columns each expects: ${sourceList()}.`, headerLine);
  const { columns, missing } = mapSourceColumns(source, header, overrides);
  if (missing.length) throw new CsvError(`The header row lacks ${source.label}'s columns ${missing.join(", ")}. The sources and the columns each expects: ${sourceList()}.`, headerLine);
  return columns;
}

export type CallLogContext = {
  /** The team's zone, for times without an offset and date-only rows. */
  offsetAt: ZoneOffsets;
  region: string;
  phones?: Map<string, string | null>;
  /** Outcome values the team mapped for this source (lower case), beyond the source's table; `skip`: no dial to import. */
  outcomeMappings?: ReadonlyMap<string, OutcomeMapping>;
  now: Date;
};

export type CallRow = {
  kind: "call";
  line: number;
  /** The source's call id, or a digest of the row when it has none. */
  callId: string;
  direction: Direction;
  at: Date;
  /** Only a date was known; the call is placed at noon team time. */
  dateOnly: boolean;
  /** Outbound rows only. */
  outcome: Outcome | null;
  /** The outcome cell as the file spells it. */
  outcomeValue: string;
  prospectPhone: string | null;
  contactId: string | null;
  contactName: string | null;
  company: string | null;
  /** The rep as the source names them (an id, a name, an email), or null. */
  rep: string | null;
  /** The rep's own number (E.164), when the row has it. */
  repPhone: string | null;
  messageSeconds: number | null;
  notes: string | null;
  scriptTitle: string | null;
};
/** `outcomeValue`: the row was skipped because its outcome value is mapped to skip. */
export type SkippedRow = { kind: "skip"; line: number; reason: string; outcomeValue?: string };
export type BadRow = { kind: "error"; line: number; reason: string; outcomeValue?: string };

const UTC: ZoneOffsets = () => 0;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const RFC_2822 = /^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[+-]\d{4}|GMT|UTC|UT|Z)$/;
const MAX_MESSAGE_SECONDS = 600;

/** A cell as text: export escaping undone, control characters dropped, cut to `max` (history is kept, not refused). */
const clean = (value: string, max: number) => {
  const text = restoreFormula(value.trim()).replace(CONTROL, "");
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};

function parseTime(text: string, format: "iso" | "rfc2822", offsetAt: ZoneOffsets): ParsedTime {
  if (format === "iso" && /^\d{13}$/.test(text)) return { ok: true, at: new Date(Number(text)) };
  if (format === "iso") return parseCsvTime(text, offsetAt);
  const ms = RFC_2822.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(ms) ? { ok: false, reason: `time “${text}” is not an RFC 2822 date (like Tue, 04 Mar 2025 15:02:11 +0000)` } : { ok: true, at: new Date(ms) };
}

/** A duration cell in seconds, or null when empty or unreadable. */
export function durationSeconds(text: string, unit: CallSource["duration"]): number | null {
  const value = text.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) / (unit === "ms" ? 1000 : 1));
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!clock) return null;
  const [a, b, c] = [Number(clock[1]), Number(clock[2]), clock[3] === undefined ? null : Number(clock[3])];
  if (c !== null) return a * 3600 + b * 60 + c;
  return unit === "h:mm" ? a * 3600 + b * 60 : a * 60 + b;
}

const digest = (parts: (string | number | null)[]) => `digest:${createHash("sha1").update(parts.join("\u001f")).digest("hex").slice(0, 24)}`;

const OUTCOME_LIST = OUTCOMES.join(", ");

export function readCallRecord(record: CsvRecord, columns: SourceColumns, context: CallLogContext): CallRow | SkippedRow | BadRow {
  const { source, index } = columns;
  const line = record.line;
  if (record.fields.length !== columns.width) return { kind: "error", line, reason: `has ${record.fields.length} fields but the header has ${columns.width}` };
  const raw = (field: CallField) => {
    const i = index[field];
    return i === undefined ? "" : (record.fields[i] ?? "").trim();
  };
  const key = (field: CallField) => raw(field).toLowerCase().replace(/\s+/g, " ");
  const columnOf = (field: CallField) => source.columns[field] ?? field;

  for (const rule of source.skips ?? []) {
    const value = key(rule.field);
    if (rule.values?.includes(value) || (rule.except && !rule.except.includes(value))) return { kind: "skip", line, reason: `${rule.reason}: ${raw(rule.field) || "empty"}` };
  }

  let direction: Direction = "outbound";
  if (source.directions) {
    const read = source.directions[key("direction")];
    if (!read) return { kind: "error", line, reason: `direction “${raw("direction")}” (column ${columnOf("direction")}) is not one of ${Object.keys(source.directions).join(", ")}` };
    if (typeof read === "object") return { kind: "skip", line, reason: read.skip };
    direction = read;
  }

  let outcome: Outcome | null = null;
  if (direction === "outbound") {
    const value = key("outcome");
    const read = context.outcomeMappings?.get(value) ?? source.outcomes[value] ?? (value ? undefined : null);
    if (read === "skip") return { kind: "skip", line, reason: `outcome “${raw("outcome")}” is mapped to skip`, outcomeValue: raw("outcome") };
    if (read && typeof read === "object") return { kind: "skip", line, reason: read.skip };
    outcome = source.answeredBy?.[key("answeredBy")] ?? read ?? null;
    if (!outcome) {
      return {
        kind: "error",
        line,
        outcomeValue: raw("outcome"),
        reason: value
          ? `outcome “${raw("outcome")}” (column ${columnOf("outcome")}) is not in ${source.label}'s table; map it to one of ${OUTCOME_LIST}`
          : `outcome is empty (column ${columnOf("outcome")})`,
      };
    }
  }

  const problems: string[] = [];
  let dateOnly = false;
  let time: ParsedTime;
  const offsets = source.time.zone === "utc" ? UTC : context.offsetAt;
  if (source.time.format === "date-and-time" || (!raw("time") && raw("date"))) {
    const date = raw("date");
    const clock = source.time.format === "date-and-time" ? raw("timeOfDay") : "";
    dateOnly = !clock;
    time = !date
      ? { ok: false, reason: `the date is empty (column ${columnOf("date")})` }
      : !/^\d{4}-\d{2}-\d{2}$/.test(date)
        ? { ok: false, reason: `date “${date}” is not YYYY-MM-DD` }
        : parseCsvTime(`${date}T${clock || "12:00"}`, dateOnly ? context.offsetAt : offsets);
  } else {
    time = raw("time") ? parseTime(raw("time"), source.time.format, offsets) : { ok: false, reason: `time is empty (column ${columnOf("time")})` };
  }
  if (!time.ok) problems.push(time.reason);
  else {
    const wrong = entryTimeProblem(time.at.getTime(), context.now.getTime());
    if (wrong) problems.push(`time ${time.at.toISOString()} ${ENTRY_TIME_REASONS[wrong]}`);
  }

  const phoneField = source.phones?.prospect[direction];
  const phoneText = phoneField ? raw(phoneField) : "";
  const prospectPhone = phoneText ? normalisedPhone(phoneText, context) : null;
  const contactId = clean(raw("contactId"), 100) || null;
  const contactName = clean(raw("contactName"), 120) || null;
  const company = clean(raw("company"), 200) || null;
  if (!prospectPhone && (direction === "inbound" ? !contactId : !contactId && !contactName)) {
    return {
      kind: "skip",
      line,
      reason: phoneText ? `“${phoneText}” is not a phone number and the row names no contact` : "the row names no prospect (no number, contact id or name)",
    };
  }

  const repField = source.phones?.rep?.[direction];
  const repPhoneText = repField ? raw(repField) : "";
  const repText = clean(raw("rep"), 254);
  const rep = repText && !source.noRep?.includes(repText.toLowerCase()) ? repText : null;

  if (problems.length || !time.ok) return { kind: "error", line, reason: problems.join("; ") };

  const seconds = outcome === "voicemail" ? durationSeconds(raw("duration"), source.duration) : null;
  const callId =
    clean(raw("callId"), 200) ||
    digest([source.id, time.at.getTime(), direction, prospectPhone ?? contactId ?? `${contactName}|${company}`, repPhoneText, rep, outcome]);
  return {
    kind: "call",
    line,
    callId,
    direction,
    at: time.at,
    dateOnly,
    outcome,
    outcomeValue: raw("outcome"),
    prospectPhone,
    contactId,
    contactName,
    company,
    rep,
    repPhone: repPhoneText ? normalisedPhone(repPhoneText, context) : null,
    messageSeconds: seconds !== null && seconds >= 1 && seconds <= MAX_MESSAGE_SECONDS ? seconds : null,
    notes: clean(raw("notes"), 2000) || null,
    scriptTitle: outcome === "voicemail" ? clean(raw("script"), 200) || null : null,
  };
}
