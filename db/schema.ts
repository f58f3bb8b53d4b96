import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// ---------------------------------------------------------------------------
// Authentication and teams. Field names follow better-auth's documented core
// schema and its organization plugin (a team is an organization); written by
// hand because better-auth's CLI crashes on Node 20 (STACK-NOTES.md).
// ---------------------------------------------------------------------------

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const user = sqliteTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const session = sqliteTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    activeOrganizationId: text("active_organization_id"),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = sqliteTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = sqliteTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

/**
 * Mail the app sends when no SMTP server is configured (`SMTP_URL`): verification links and
 * invites wait here for `ringback outbox`, the demo and the end-to-end tests to read.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_to_idx").on(t.to)],
);

/**
 * The per-account sign-in brake (server/services/sign-in-brake.ts): counted here rather than in
 * a process's memory so restarts and several server processes share it. `key` is the address,
 * or the address plus a known-device mark.
 */
export const signInBrake = sqliteTable("sign_in_brake", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  /** No attempt is checked before this instant (ms since epoch). */
  nextAttemptAt: integer("next_attempt_at").notNull(),
  lastFailureAt: integer("last_failure_at").notNull(),
});

/** A team. better-auth calls it an organization; the team settings live beside its own fields. */
export const organization = sqliteTable("organization", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  logo: text("logo"),
  metadata: text("metadata"),
  createdAt: createdAt(),
  timezone: text("timezone").notNull().default("America/New_York"),
  attributionWindowDays: integer("attribution_window_days").notNull().default(14),
  minSample: integer("min_sample").notNull().default(10),
  wordsPerMinute: integer("words_per_minute").notNull().default(150),
  defaultRegion: text("default_region").notNull().default("US"),
});

export const member = sqliteTable(
  "member",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    role: text("role", { enum: ["owner", "manager", "rep"] }).notNull(),
    createdAt: createdAt(),
    phone: text("phone"),
    wordsPerMinute: integer("words_per_minute"),
  },
  (t) => [
    uniqueIndex("member_team_user_uq").on(t.organizationId, t.userId),
    index("member_user_idx").on(t.userId),
  ],
);

export const invitation = sqliteTable(
  "invitation",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role", { enum: ["owner", "manager", "rep"] }).notNull(),
    status: text("status", { enum: ["pending", "accepted", "canceled", "rejected"] })
      .notNull()
      .default("pending"),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    inviterId: text("inviter_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [index("invitation_team_idx").on(t.organizationId), index("invitation_email_idx").on(t.email)],
);

/**
 * Who gave whom which role, and when (issue 12): a role change decides what someone may see, so
 * it leaves a trail like a delete does. An Undo is its own row, marked, so the trail shows it.
 */
export const roleChange = sqliteTable(
  "role_change",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    actorUserId: text("actor_user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    memberUserId: text("member_user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    fromRole: text("from_role", { enum: ["owner", "manager", "rep"] }).notNull(),
    toRole: text("to_role", { enum: ["owner", "manager", "rep"] }).notNull(),
    undo: integer("undo", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("role_change_team_time_idx").on(t.organizationId, t.createdAt)],
);

// ---------------------------------------------------------------------------
// The calling domain. Integer keys keep the attempt table and its indexes
// small at millions of rows; every row carries its team for isolation.
// ---------------------------------------------------------------------------

export const prospect = sqliteTable(
  "prospect",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    company: text("company"),
    /** E.164, normalised with the team's default region; null for a prospect imported from a log that records no number. */
    phone: text("phone"),
    ownerId: text("owner_id").references(() => user.id),
    status: text("status", { enum: ["open", "engaged", "appointment", "closed-lost"] })
      .notNull()
      .default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("prospect_team_phone_uq").on(t.teamId, t.phone),
    index("prospect_team_name_idx").on(t.teamId, t.name),
  ],
);

/**
 * A merge of two prospects that are one person (issue 12): the record that lets a manager undo it
 * and the trail of who merged (and who undid) what. The duplicate row itself is deleted while
 * merged, so every read (lists, search, stats, exports, verify) sees one prospect without a
 * filter; `duplicate` keeps its row and `moved` the ids of what moved, both JSON, so an Undo
 * puts back exactly those. Ids are plain numbers, not keys: the duplicate does not exist while
 * merged and the kept prospect may itself be merged away later.
 */
export const prospectMerge = sqliteTable(
  "prospect_merge",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    keptId: integer("kept_id").notNull(),
    duplicateId: integer("duplicate_id").notNull(),
    /** Both names as they were at the merge, so the trail reads true after renames. */
    keptName: text("kept_name").notNull(),
    duplicateName: text("duplicate_name").notNull(),
    /** The duplicate's row as it was, JSON (server/services/prospect-merge-record.ts). */
    duplicate: text("duplicate").notNull(),
    /** What moved to the kept prospect and what the merge changed on it, JSON. */
    moved: text("moved").notNull(),
    mergedById: text("merged_by_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    undoneById: text("undone_by_id").references(() => user.id, { onDelete: "set null" }),
    undoneAt: integer("undone_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("prospect_merge_team_idx").on(t.teamId, t.id), index("prospect_merge_duplicate_idx").on(t.teamId, t.duplicateId)],
);

export const script = sqliteTable(
  "script",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    stage: text("stage", { enum: ["first-touch", "follow-up", "last-try", "any"] }).notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => user.id),
    shared: integer("shared", { mode: "boolean" }).notNull().default(false),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    teamPick: integer("team_pick", { mode: "boolean" }).notNull().default(false),
    /**
     * The team's "Script not recorded" script, which imported voicemails are credited to when the
     * source cannot know the script: shown on boards, never suggested nor compared.
     */
    unrecorded: integer("unrecorded", { mode: "boolean" }).notNull().default(false),
    /** The version this script was forked from, if any. */
    forkedFromVersionId: integer("forked_from_version_id"),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("script_team_title_uq").on(t.teamId, t.title),
    index("script_team_idx").on(t.teamId),
    uniqueIndex("script_team_unrecorded_uq").on(t.teamId).where(sql`unrecorded = 1`),
  ],
);

export const scriptTag = sqliteTable(
  "script_tag",
  {
    scriptId: integer("script_id")
      .notNull()
      .references(() => script.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scriptId, t.tag] }), index("script_tag_tag_idx").on(t.tag)],
);

export const scriptVersion = sqliteTable(
  "script_version",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scriptId: integer("script_id")
      .notNull()
      .references(() => script.id),
    number: integer("number").notNull(),
    body: text("body").notNull(),
    wordCount: integer("word_count").notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("script_version_number_uq").on(t.scriptId, t.number)],
);

export const attempt = sqliteTable(
  "attempt",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    repId: text("rep_id")
      .notNull()
      .references(() => user.id),
    prospectId: integer("prospect_id")
      .notNull()
      .references(() => prospect.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    outcome: text("outcome", { enum: ["voicemail", "no-message", "connected", "bad-number"] }).notNull(),
    scriptVersionId: integer("script_version_id").references(() => scriptVersion.id),
    messageSeconds: integer("message_seconds"),
    notes: text("notes"),
    /** Ordinal among the prospect's live voicemails (1, 2, 3, ...); null for other outcomes. Derived. */
    voicemailNumber: integer("voicemail_number"),
    /** First credited callback time, null when not returned. Derived by attribution. */
    returnedAt: integer("returned_at", { mode: "timestamp_ms" }),
    /** Whether any credited callback is an appointment. Derived by attribution. */
    appointment: integer("appointment", { mode: "boolean" }).notNull().default(false),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    /** The call-log source an imported dial came from (`import calls`), and its call id there. */
    source: text("source"),
    sourceCallId: text("source_call_id"),
  },
  (t) => [
    // Importing the same export again adds nothing, even where the natural key would differ.
    uniqueIndex("attempt_source_call_uq").on(t.teamId, t.source, t.sourceCallId).where(sql`source_call_id is not null`),
    index("attempt_team_at_idx").on(t.teamId, t.at),
    index("attempt_prospect_at_idx").on(t.prospectId, t.at),
    index("attempt_team_rep_at_idx").on(t.teamId, t.repId, t.at),
    index("attempt_version_idx").on(t.scriptVersionId),
    // The leaderboard's time-to-callback percentiles read only returned voicemails: this partial
    // index holds exactly those, with every column the read names (SQLite counts an index as
    // covering only if it holds the columns of the partial condition too).
    index("attempt_returned_idx")
      .on(t.teamId, t.at, t.scriptVersionId, t.repId, t.voicemailNumber, t.returnedAt, t.outcome, t.deletedAt)
      .where(sql`outcome = 'voicemail' and deleted_at is null and returned_at is not null`),
    // A repeated import of the same dial adds nothing.
    uniqueIndex("attempt_natural_uq").on(t.teamId, t.prospectId, t.repId, t.at, t.outcome),
  ],
);

export const callback = sqliteTable(
  "callback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    prospectId: integer("prospect_id")
      .notNull()
      .references(() => prospect.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
    result: text("result", { enum: ["appointment", "interested", "not-interested", "other"] }).notNull(),
    notes: text("notes"),
    loggedById: text("logged_by_id").references(() => user.id),
    /** The voicemail this callback is credited to; null when unattributed. Derived by attribution. */
    creditedAttemptId: integer("credited_attempt_id").references(() => attempt.id),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    source: text("source"),
    sourceCallId: text("source_call_id"),
  },
  (t) => [
    uniqueIndex("callback_source_call_uq").on(t.teamId, t.source, t.sourceCallId).where(sql`source_call_id is not null`),
    index("callback_team_at_idx").on(t.teamId, t.at),
    index("callback_prospect_at_idx").on(t.prospectId, t.at),
    index("callback_credited_idx").on(t.creditedAttemptId),
    index("callback_unattributed_idx").on(t.teamId, t.at, t.creditedAttemptId, t.deletedAt).where(sql`credited_attempt_id is null and deleted_at is null`),
    uniqueIndex("callback_natural_uq").on(t.teamId, t.prospectId, t.at, t.result),
  ],
);

/** A prospect's id in another tool (Salesforce's WhoId, Close's contact_id), per source. */
export const prospectSourceId = sqliteTable(
  "prospect_source_id",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    prospectId: integer("prospect_id")
      .notNull()
      .references(() => prospect.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.source, t.externalId] })],
);

/**
 * What a manager confirmed for a source's exports, so the next file from that tool imports
 * without asking again: a rep identifier → a member (kind `rep`), an outcome value → an outcome.
 */
export const importMapping = sqliteTable(
  "import_mapping",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    kind: text("kind", { enum: ["rep", "outcome", "column"] }).notNull(),
    external: text("external").notNull(),
    value: text("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.source, t.kind, t.external] })],
);

// ---------------------------------------------------------------------------
// Leaderboard rollups (issue 6). Voicemail counters per team × dimension × local day and month,
// kept by triggers on `attempt` (migration 0002) in the same transaction as every write, so
// the leaderboard sums a few hundred rows instead of scanning a quarter of a million dials.
// `verify` recounts them from the attempts. The triggers bucket days with `team_zone_offset`,
// the team's zone as a table of offsets (server/domain/zone-offsets.ts), because SQLite knows no IANA zones.
// ---------------------------------------------------------------------------

export const teamZoneOffset = sqliteTable(
  "team_zone_offset",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    /** The zone these offsets were computed for; a team whose zone changed is recomputed. */
    timeZone: text("time_zone").notNull(),
    fromMs: integer("from_ms").notNull(),
    offsetMs: integer("offset_ms").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.fromMs] })],
);

export const ROLLUP_DIMENSIONS = ["version", "rep", "attempt"] as const;
export const ROLLUP_GRAINS = ["day", "month"] as const;

export const statsRollup = sqliteTable(
  "stats_rollup",
  {
    teamId: text("team_id").notNull(),
    /** version: key is the script version id; rep: the user id; attempt: the bucket 1, 2, 3, 4+. */
    dim: text("dim", { enum: ROLLUP_DIMENSIONS }).notNull(),
    grain: text("grain", { enum: ROLLUP_GRAINS }).notNull(),
    /** Local date "YYYY-MM-DD" (day) or "YYYY-MM" (month) in the team's zone. */
    period: text("period").notNull(),
    key: text("key").notNull(),
    voicemails: integer("voicemails").notNull(),
    returned: integer("returned").notNull(),
    appointments: integer("appointments").notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.dim, t.grain, t.period, t.key] })],
);

// ---------------------------------------------------------------------------
// Experiments (issue 16): a fair test of 2–4 shared scripts on the voicemails of one band of
// attempt numbers. Prospects are assigned an arm at random, balanced and sticky; every matching
// voicemail records the arm it was assigned and the script actually read, so results can be
// analysed by assignment (intention to treat) with read-as-assigned beside.
// ---------------------------------------------------------------------------

export const experiment = sqliteTable(
  "experiment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The stage the arms' scripts share. */
    stage: text("stage", { enum: ["first-touch", "follow-up", "last-try", "any"] }).notNull(),
    /** The band of voicemail numbers that match, inclusive; `toVoicemail` null means "and later". */
    fromVoicemail: integer("from_voicemail").notNull(),
    toVoicemail: integer("to_voicemail"),
    /** The smallest difference worth detecting, in percentage points. */
    minDifferencePoints: integer("min_difference_points").notNull(),
    status: text("status", { enum: ["running", "ended"] }).notNull().default("running"),
    /** Secret salt of the arm draws, so nobody can tell a prospect's arm ahead of time. */
    salt: text("salt").notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => user.id),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("experiment_team_name_uq").on(t.teamId, t.name), index("experiment_team_status_idx").on(t.teamId, t.status)],
);

export const experimentArm = sqliteTable(
  "experiment_arm",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    experimentId: integer("experiment_id")
      .notNull()
      .references(() => experiment.id, { onDelete: "cascade" }),
    /** 0 for arm A, 1 for B, … */
    position: integer("position").notNull(),
    scriptId: integer("script_id")
      .notNull()
      .references(() => script.id),
  },
  (t) => [uniqueIndex("experiment_arm_position_uq").on(t.experimentId, t.position), uniqueIndex("experiment_arm_script_uq").on(t.experimentId, t.scriptId)],
);

/** The reps an experiment is limited to; none means every rep of the team. */
export const experimentRep = sqliteTable(
  "experiment_rep",
  {
    experimentId: integer("experiment_id")
      .notNull()
      .references(() => experiment.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.userId] })],
);

export const experimentAssignment = sqliteTable(
  "experiment_assignment",
  {
    experimentId: integer("experiment_id")
      .notNull()
      .references(() => experiment.id, { onDelete: "cascade" }),
    prospectId: integer("prospect_id")
      .notNull()
      .references(() => prospect.id),
    armId: integer("arm_id")
      .notNull()
      .references(() => experimentArm.id),
    assignedAt: integer("assigned_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.prospectId] }), index("experiment_assignment_arm_idx").on(t.experimentId, t.armId)],
);

/** One matching voicemail: the arm its prospect was assigned and the script the rep read. */
export const experimentVoicemail = sqliteTable(
  "experiment_voicemail",
  {
    attemptId: integer("attempt_id")
      .primaryKey()
      .references(() => attempt.id),
    experimentId: integer("experiment_id")
      .notNull()
      .references(() => experiment.id, { onDelete: "cascade" }),
    assignedArmId: integer("assigned_arm_id")
      .notNull()
      .references(() => experimentArm.id),
    readScriptId: integer("read_script_id")
      .notNull()
      .references(() => script.id),
  },
  (t) => [index("experiment_voicemail_experiment_idx").on(t.experimentId)],
);

// ---------------------------------------------------------------------------
// Rehearsal takes (issue 17): a rep's recorded read of a script version. The audio is Opus/WebM
// as the browser's MediaRecorder made it, kept in the database (README.md, "Rehearsal takes"):
// a backup copies it with everything else, and deleting a take cascades to its audio. The audio
// sits in a table of its own so listing takes never walks a BLOB's overflow pages.
// ---------------------------------------------------------------------------

export const take = sqliteTable(
  "take",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    repId: text("rep_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    scriptVersionId: integer("script_version_id")
      .notNull()
      .references(() => scriptVersion.id),
    /** Spoken length: the recording with leading and trailing silence trimmed (lib/spoken-length.ts). */
    spokenMs: integer("spoken_ms").notNull(),
    /** The whole recording, silences included. */
    recordedMs: integer("recorded_ms").notNull(),
    bytes: integer("bytes").notNull(),
    /** Words of the version as rendered when recorded: the speaking rate's numerator. */
    words: integer("words").notNull(),
    shared: integer("shared", { mode: "boolean" }).notNull().default(false),
    reference: integer("reference", { mode: "boolean" }).notNull().default(false),
    comment: text("comment"),
    commentById: text("comment_by_id").references(() => user.id, { onDelete: "set null" }),
    commentedAt: integer("commented_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("take_team_version_idx").on(t.teamId, t.scriptVersionId), index("take_team_rep_idx").on(t.teamId, t.repId)],
);

export const takeAudio = sqliteTable("take_audio", {
  takeId: integer("take_id")
    .primaryKey()
    .references(() => take.id, { onDelete: "cascade" }),
  webm: blob("webm", { mode: "buffer" }).notNull(),
});

// ---------------------------------------------------------------------------
// Team API keys (issue 14): a key acts as its creator, with a role no higher than the creator's
// (capped again at every use, so a demoted creator's keys shrink with them). Only the SHA-256 of
// the key is kept: a key is 32 random bytes, so a fast hash is as good as a slow one, and lookup
// by hash keeps the check constant-time with respect to the stored keys.
// ---------------------------------------------------------------------------

export const apiKey = sqliteTable(
  "api_key",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The key's first characters (`rbk_` and 8 more), shown in lists and used to revoke it. */
    prefix: text("prefix").notNull(),
    /** Hex SHA-256 of the whole key. */
    keyHash: text("key_hash").notNull(),
    role: text("role", { enum: ["owner", "manager", "rep"] }).notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("api_key_hash_uq").on(t.keyHash), uniqueIndex("api_key_team_prefix_uq").on(t.teamId, t.prefix), index("api_key_team_idx").on(t.teamId)],
);

// ---------------------------------------------------------------------------
// Telephony webhooks (Live issue). The id is the unguessable part of the URL a manager pastes
// into the provider's console; the secret is what the provider signs with (Twilio's auth token,
// Aircall's webhook token, pasted by the manager) or, for the generic 'ringback' provider, one we
// generate and show once. Stored as given: every signature check needs the key itself.
// ---------------------------------------------------------------------------

export const INTEGRATION_PROVIDERS = ["twilio", "aircall", "ringback"] as const;

export const integration = sqliteTable(
  "integration",
  {
    id: text("id").primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    provider: text("provider", { enum: INTEGRATION_PROVIDERS }).notNull(),
    name: text("name").notNull(),
    secret: text("secret").notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    lastEventAt: integer("last_event_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("integration_team_idx").on(t.teamId)],
);

// ---------------------------------------------------------------------------
// Live boards (issue 14).
// ---------------------------------------------------------------------------

/**
 * One row per team whose dials or callbacks ever changed: triggers on attempt and callback move
 * the counters in the same transaction as the write (the custom live-trigger migration), whatever
 * wrote it — a form, an import, the CLI, the REST API, a webhook. Each server process's watcher
 * (server/services/live-feed.ts) compares them with what it last saw and pushes the change.
 */
export const teamChange = sqliteTable("team_change", {
  teamId: text("team_id").primaryKey(),
  seq: integer("seq").notNull(),
  dialSeq: integer("dial_seq").notNull(),
  callbackSeq: integer("callback_seq").notNull(),
  at: integer("at").notNull(),
});

/** A read-only link to the team's leaderboard for a wall display; only its hash is stored. */
export const displayLink = sqliteTable(
  "display_link",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("display_link_token_uq").on(t.tokenHash), index("display_link_team_idx").on(t.teamId)],
);
