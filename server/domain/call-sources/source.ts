// The shape every call-log source declares (STYLE.md, "A source is data, not a branch"): which
// header identifies its export, which column plays which role, how it spells outcomes, times,
// durations and reps. `readCallRecord` (call-log.ts) applies any of them; nothing else knows a
// source by name.

import type { Outcome } from "@/lib/vocabulary";

import { CALL_SOURCE_IDS, type CallField as CallFieldId, type CallSourceId } from "@/lib/inputs/imports";

export const SOURCE_IDS = CALL_SOURCE_IDS;
export type SourceId = CallSourceId;

/** The roles a column can play in a call log (the list is shared with the import page). */
export type CallField = CallFieldId;

export type Direction = "outbound" | "inbound";

/** A row that is not a completed call of the team's (a planned task, a failed dial) is skipped, with this reason. */
export type Skip = { skip: string };

export type TimeFormat =
  /** ISO 8601; without an offset, in `zone`. Thirteen digits are epoch milliseconds (HubSpot's API). */
  | "iso"
  /** RFC 2822 (`Tue, 04 Mar 2025 15:02:11 +0000`), Twilio's. */
  | "rfc2822"
  /** A `date` column (YYYY-MM-DD) and a `timeOfDay` column (HH:MM), Pipedrive's. */
  | "date-and-time";

/** How a duration cell reads: a count of milliseconds or seconds, or a clock (`0:00:24`, or `0:05` as hours:minutes). */
export type DurationUnit = "ms" | "seconds" | "h:mm:ss" | "h:mm";

export type CallSource = {
  id: SourceId;
  label: string;
  /** Column headers (as `normaliseHeader` reads them) that together identify this source's export. */
  signature: readonly string[];
  /** Each role this source fills, with the column (normalised header) that carries it. */
  columns: Partial<Record<CallField, string>>;
  time: { format: TimeFormat; zone: "utc" | "team" };
  duration: DurationUnit;
  /** What the `rep` column holds; the CLI's help and the import page say it. */
  repIdentifier: "email" | "name" | "owner id" | "none";
  /** Values of the rep column that name nobody (Aircall's `[No associated user]`), lower case. */
  noRep?: readonly string[];
  /** Lower-case direction values; a source without a direction column dials only. */
  directions?: Record<string, Direction | Skip>;
  /** Lower-case outcome values, for outbound rows. */
  outcomes: Record<string, Outcome | Skip>;
  /** Lower-case `answeredBy` values that decide the outcome whatever `outcomes` says. */
  answeredBy?: Record<string, Outcome>;
  /** Rows skipped whatever their direction: a field's value among `values`, or not among `except`. */
  skips?: readonly { field: CallField; values?: readonly string[]; except?: readonly string[]; reason: string }[];
  /** Which column holds the prospect's number and the rep's own, by direction. */
  phones?: { prospect: Partial<Record<Direction, CallField>>; rep?: Partial<Record<Direction, CallField>> };
};
