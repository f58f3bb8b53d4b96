import { z } from "zod";
import { OUTCOMES } from "@/lib/vocabulary";
import { email } from "./fields";

// The CSV contract's columns (DESIGN.md, "Command-line tool and file formats"), shared by the
// reader, the writer and the import page, plus what the import page sends.

export const ATTEMPT_COLUMNS = ["time", "rep_email", "prospect_name", "prospect_phone", "prospect_company", "outcome", "script", "message_seconds", "notes"] as const;
export const ATTEMPT_REQUIRED = ["time", "rep_email", "prospect_name", "prospect_phone", "outcome"] as const;
export type AttemptColumn = (typeof ATTEMPT_COLUMNS)[number];

export const CALLBACK_COLUMNS = ["time", "prospect_phone", "result", "notes"] as const;
export const CALLBACK_REQUIRED = ["time", "prospect_phone", "result"] as const;
export type CallbackColumn = (typeof CALLBACK_COLUMNS)[number];

export const SCRIPT_COLUMNS = ["title", "stage", "tags", "shared", "archived", "body"] as const;

export const IMPORT_KINDS = ["attempts", "callbacks"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const EXPORT_KINDS = ["attempts", "callbacks", "scripts"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** About 50 MB of text: a year of a large team's dials, well inside one request. */
export const MAX_IMPORT_CHARS = 50_000_000;

export const importInput = z.object({
  kind: z.enum(IMPORT_KINDS),
  csv: z.string().min(1, "The file is empty.").max(MAX_IMPORT_CHARS, "The file is larger than 50 MB; split it or use the command-line tool."),
  createMissing: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
export type ImportInput = z.input<typeof importInput>;

/** A date (`2025-03-31`, a whole day in the team's zone) or an ISO 8601 date-time. */
const bound = z.string().trim().max(40).optional();
export const exportRangeInput = z.object({ from: bound, to: bound });
export type ExportRange = z.infer<typeof exportRangeInput>;

/** The call-log sources `import calls` reads (server/domain/call-sources has one module each). */
export const CALL_SOURCE_IDS = ["ringback", "hubspot", "salesforce", "close", "pipedrive", "aircall", "twilio"] as const;
export type CallSourceId = (typeof CALL_SOURCE_IDS)[number];
export const CALL_SOURCE_LABELS: Record<CallSourceId, string> = {
  ringback: "Ringback",
  hubspot: "HubSpot",
  salesforce: "Salesforce",
  close: "Close",
  pipedrive: "Pipedrive",
  aircall: "Aircall",
  twilio: "Twilio",
};

const identifier = z.string().trim().min(1).max(254);

/** The roles a column of a call log can play (server/domain/call-sources/source.ts says how each reads). */
export const CALL_FIELDS = [
  "callId",
  "time",
  // A date-only fallback (Salesforce's ActivityDate): the call is placed at noon team time.
  "date",
  // The time of day beside a date column (Pipedrive's "Due time").
  "timeOfDay",
  "direction",
  "outcome",
  "status",
  "kind",
  "done",
  // Overrides the outcome when present (Twilio's answered_by: a machine took the message).
  "answeredBy",
  "duration",
  "from",
  "to",
  "prospectPhone",
  "repPhone",
  "rep",
  "contactId",
  "contactName",
  "company",
  "notes",
  "script",
] as const;
export type CallField = (typeof CALL_FIELDS)[number];

/** What the import page calls each role, in the column mapping. */
export const CALL_FIELD_LABELS: Record<CallField, string> = {
  callId: "Call id",
  time: "Time",
  date: "Date (when no time)",
  timeOfDay: "Time of day",
  direction: "Direction",
  outcome: "Outcome",
  status: "Status",
  kind: "Activity type",
  done: "Done",
  answeredBy: "Answered by",
  duration: "Duration",
  from: "From number",
  to: "To number",
  prospectPhone: "Prospect's number",
  repPhone: "Rep's number",
  rep: "Rep",
  contactId: "Contact id",
  contactName: "Prospect's name",
  company: "Company",
  notes: "Notes",
  script: "Script",
};

/** An outcome value of the file maps to one of the four outcomes, or marks its rows as no dial to import. */
export const OUTCOME_MAPPINGS = [...OUTCOMES, "skip"] as const;
export type OutcomeMapping = (typeof OUTCOME_MAPPINGS)[number];

/** What the import page sends for another tool's call export: the file, and the mappings the manager chose. */
export const callImportInput = z.object({
  csv: z.string().min(1, "The file is empty.").max(MAX_IMPORT_CHARS, "The file is larger than 50 MB; split it or use the command-line tool."),
  source: z.enum(["auto", ...CALL_SOURCE_IDS]).default("auto"),
  reps: z.array(z.object({ external: identifier, email })).max(500).default([]),
  outcomes: z.array(z.object({ value: identifier, outcome: z.enum(OUTCOME_MAPPINGS) })).max(500).default([]),
  /** Which column of the file feeds a role (a header as the file spells it), or null: the role is not read. */
  columns: z.array(z.object({ field: z.enum(CALL_FIELDS), column: z.string().trim().min(1).max(200).nullable() })).max(CALL_FIELDS.length).default([]),
  dryRun: z.boolean().default(true),
});
export type CallImportInput = z.infer<typeof callImportInput>;
