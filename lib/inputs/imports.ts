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

const identifier = z.string().trim().min(1).max(254);

/** What the import page sends for another tool's call export: the file, and the mappings the manager chose. */
export const callImportInput = z.object({
  csv: z.string().min(1, "The file is empty.").max(MAX_IMPORT_CHARS, "The file is larger than 50 MB; split it or use the command-line tool."),
  source: z.enum(["auto", ...CALL_SOURCE_IDS]).default("auto"),
  reps: z.array(z.object({ external: identifier, email })).max(500).default([]),
  outcomes: z.array(z.object({ value: identifier, outcome: z.enum(OUTCOMES) })).max(500).default([]),
  dryRun: z.boolean().default(true),
});
export type CallImportInput = z.infer<typeof callImportInput>;
