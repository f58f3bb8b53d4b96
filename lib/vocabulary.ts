// The project's words (DESIGN.md), shared by server and browser code.
// This module must stay free of drizzle, db/ and server/ imports: client components import it.

export const ROLES = ["owner", "manager", "rep"] as const;
export type Role = (typeof ROLES)[number];

/** Higher rank may do everything a lower rank may. */
export const ROLE_RANK: Record<Role, number> = { rep: 1, manager: 2, owner: 3 };

export const OUTCOMES = ["voicemail", "no-message", "connected", "bad-number"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  voicemail: "Voicemail",
  "no-message": "No message",
  connected: "Connected",
  "bad-number": "Bad number",
};

export const CALLBACK_RESULTS = ["appointment", "interested", "not-interested", "other"] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];
export const CALLBACK_RESULT_LABELS: Record<CallbackResult, string> = {
  appointment: "Appointment",
  interested: "Interested",
  "not-interested": "Not interested",
  other: "Other",
};

export const STAGES = ["first-touch", "follow-up", "last-try", "any"] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  "first-touch": "First touch",
  "follow-up": "Follow-up",
  "last-try": "Last try",
  any: "Any",
};

export const PROSPECT_STATUSES = ["open", "engaged", "appointment", "closed-lost"] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

export const ATTEMPT_BUCKETS = ["1", "2", "3", "4+"] as const;
export type AttemptBucket = (typeof ATTEMPT_BUCKETS)[number];

export const TEAM_DEFAULTS = {
  timezone: "America/New_York",
  attributionWindowDays: 14,
  minSample: 10,
  wordsPerMinute: 150,
  defaultRegion: "US",
} as const;

/**
 * The one leaderboard row that holds other people's unshared drafts (their titles stay theirs).
 * Not a possible script title key: titles are trimmed text, and this has brackets no form adds.
 */
export const PRIVATE_DRAFTS = { key: "[private-drafts]", label: "Private drafts" } as const;

/** How long a prospect merge can be undone (issue 12): long enough to notice a wrong pick in a week's review. */
export const MERGE_UNDO_DAYS = 30;
