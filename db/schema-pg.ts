import { sql } from "drizzle-orm";
import { bigint, bigserial, customType, index, pgTable, primaryKey, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { INTEGRATION_PROVIDERS, ROLLUP_DIMENSIONS, ROLLUP_GRAINS } from "./schema";

// The PostgreSQL twin of db/schema.ts, which stays the query schema on both engines: every table
// here stores its values exactly as SQLite does, so one set of table objects reads and writes
// either. Integers (ids, counts, epoch-millisecond times) are bigint, booleans are smallint 0/1
// (the partial indexes and the rollups' sums say `= 1` and `sum(appointment)`), blobs are bytea.
// Comments on what the columns mean live in db/schema.ts; db/schema-parity.test.ts holds the two
// to the same tables, columns, keys and indexes.

/** Epoch milliseconds now, as SQLite's `unixepoch('subsec') * 1000` (truncated, never ahead). */
const nowMs = sql`(floor(extract(epoch from now()) * 1000)::bigint)`;

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

const createdAt = () => bigint("created_at", { mode: "number" }).notNull().default(nowMs);
const updatedAt = () => bigint("updated_at", { mode: "number" }).notNull().default(nowMs);

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: smallint("email_verified").notNull().default(0),
  image: text("image"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
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

export const account = pgTable(
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
    accessTokenExpiresAt: bigint("access_token_expires_at", { mode: "number" }),
    refreshTokenExpiresAt: bigint("refresh_token_expires_at", { mode: "number" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = pgTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_to_idx").on(t.to)],
);

export const signInBrake = pgTable("sign_in_brake", {
  key: text("key").primaryKey(),
  failures: bigint("failures", { mode: "number" }).notNull(),
  nextAttemptAt: bigint("next_attempt_at", { mode: "number" }).notNull(),
  lastFailureAt: bigint("last_failure_at", { mode: "number" }).notNull(),
});

export const organization = pgTable("organization", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  logo: text("logo"),
  metadata: text("metadata"),
  createdAt: createdAt(),
  timezone: text("timezone").notNull().default("America/New_York"),
  attributionWindowDays: bigint("attribution_window_days", { mode: "number" }).notNull().default(14),
  minSample: bigint("min_sample", { mode: "number" }).notNull().default(10),
  wordsPerMinute: bigint("words_per_minute", { mode: "number" }).notNull().default(150),
  defaultRegion: text("default_region").notNull().default("US"),
});

export const member = pgTable(
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
    wordsPerMinute: bigint("words_per_minute", { mode: "number" }),
  },
  (t) => [
    uniqueIndex("member_team_user_uq").on(t.organizationId, t.userId),
    index("member_user_idx").on(t.userId),
  ],
);

export const invitation = pgTable(
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
    expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
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
export const roleChange = pgTable(
  "role_change",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
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
    undo: smallint("undo").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index("role_change_team_time_idx").on(t.organizationId, t.createdAt)],
);

export const prospect = pgTable(
  "prospect",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    company: text("company"),
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

/** A merge of two prospects that are one person: see db/schema.ts. */
export const prospectMerge = pgTable(
  "prospect_merge",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    keptId: bigint("kept_id", { mode: "number" }).notNull(),
    duplicateId: bigint("duplicate_id", { mode: "number" }).notNull(),
    keptName: text("kept_name").notNull(),
    duplicateName: text("duplicate_name").notNull(),
    duplicate: text("duplicate").notNull(),
    moved: text("moved").notNull(),
    mergedById: text("merged_by_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    undoneById: text("undone_by_id").references(() => user.id, { onDelete: "set null" }),
    undoneAt: bigint("undone_at", { mode: "number" }),
  },
  (t) => [index("prospect_merge_team_idx").on(t.teamId, t.id), index("prospect_merge_duplicate_idx").on(t.teamId, t.duplicateId)],
);

export const script = pgTable(
  "script",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    stage: text("stage", { enum: ["first-touch", "follow-up", "last-try", "any"] }).notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => user.id),
    shared: smallint("shared").notNull().default(0),
    archived: smallint("archived").notNull().default(0),
    teamPick: smallint("team_pick").notNull().default(0),
    unrecorded: smallint("unrecorded").notNull().default(0),
    forkedFromVersionId: bigint("forked_from_version_id", { mode: "number" }),
    deletedAt: bigint("deleted_at", { mode: "number" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("script_team_title_uq").on(t.teamId, t.title),
    index("script_team_idx").on(t.teamId),
    uniqueIndex("script_team_unrecorded_uq").on(t.teamId).where(sql`unrecorded = 1`),
  ],
);

export const scriptTag = pgTable(
  "script_tag",
  {
    scriptId: bigint("script_id", { mode: "number" })
      .notNull()
      .references(() => script.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scriptId, t.tag] }), index("script_tag_tag_idx").on(t.tag)],
);

export const scriptVersion = pgTable(
  "script_version",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    scriptId: bigint("script_id", { mode: "number" })
      .notNull()
      .references(() => script.id),
    number: bigint("number", { mode: "number" }).notNull(),
    body: text("body").notNull(),
    wordCount: bigint("word_count", { mode: "number" }).notNull(),
    authorId: text("author_id")
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("script_version_number_uq").on(t.scriptId, t.number)],
);

export const attempt = pgTable(
  "attempt",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    repId: text("rep_id")
      .notNull()
      .references(() => user.id),
    prospectId: bigint("prospect_id", { mode: "number" })
      .notNull()
      .references(() => prospect.id),
    at: bigint("at", { mode: "number" }).notNull(),
    outcome: text("outcome", { enum: ["voicemail", "no-message", "connected", "bad-number"] }).notNull(),
    scriptVersionId: bigint("script_version_id", { mode: "number" }).references(() => scriptVersion.id),
    messageSeconds: bigint("message_seconds", { mode: "number" }),
    notes: text("notes"),
    voicemailNumber: bigint("voicemail_number", { mode: "number" }),
    returnedAt: bigint("returned_at", { mode: "number" }),
    appointment: smallint("appointment").notNull().default(0),
    deletedAt: bigint("deleted_at", { mode: "number" }),
    createdAt: createdAt(),
    source: text("source"),
    sourceCallId: text("source_call_id"),
  },
  (t) => [
    uniqueIndex("attempt_source_call_uq").on(t.teamId, t.source, t.sourceCallId).where(sql`source_call_id is not null`),
    index("attempt_team_at_idx").on(t.teamId, t.at),
    index("attempt_prospect_at_idx").on(t.prospectId, t.at),
    index("attempt_team_rep_at_idx").on(t.teamId, t.repId, t.at),
    index("attempt_version_idx").on(t.scriptVersionId),
    index("attempt_returned_idx")
      .on(t.teamId, t.at, t.scriptVersionId, t.repId, t.voicemailNumber, t.returnedAt, t.outcome, t.deletedAt)
      .where(sql`outcome = 'voicemail' and deleted_at is null and returned_at is not null`),
    uniqueIndex("attempt_natural_uq").on(t.teamId, t.prospectId, t.repId, t.at, t.outcome),
  ],
);

export const callback = pgTable(
  "callback",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    prospectId: bigint("prospect_id", { mode: "number" })
      .notNull()
      .references(() => prospect.id),
    at: bigint("at", { mode: "number" }).notNull(),
    result: text("result", { enum: ["appointment", "interested", "not-interested", "other"] }).notNull(),
    notes: text("notes"),
    loggedById: text("logged_by_id").references(() => user.id),
    creditedAttemptId: bigint("credited_attempt_id", { mode: "number" }).references(() => attempt.id),
    deletedAt: bigint("deleted_at", { mode: "number" }),
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

export const prospectSourceId = pgTable(
  "prospect_source_id",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    prospectId: bigint("prospect_id", { mode: "number" })
      .notNull()
      .references(() => prospect.id),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.source, t.externalId] })],
);

export const importMapping = pgTable(
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

export const teamZoneOffset = pgTable(
  "team_zone_offset",
  {
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    timeZone: text("time_zone").notNull(),
    fromMs: bigint("from_ms", { mode: "number" }).notNull(),
    offsetMs: bigint("offset_ms", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.fromMs] })],
);

export const statsRollup = pgTable(
  "stats_rollup",
  {
    teamId: text("team_id").notNull(),
    dim: text("dim", { enum: ROLLUP_DIMENSIONS }).notNull(),
    grain: text("grain", { enum: ROLLUP_GRAINS }).notNull(),
    period: text("period").notNull(),
    key: text("key").notNull(),
    voicemails: bigint("voicemails", { mode: "number" }).notNull(),
    returned: bigint("returned", { mode: "number" }).notNull(),
    appointments: bigint("appointments", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.dim, t.grain, t.period, t.key] })],
);

export const experiment = pgTable(
  "experiment",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    stage: text("stage", { enum: ["first-touch", "follow-up", "last-try", "any"] }).notNull(),
    fromVoicemail: bigint("from_voicemail", { mode: "number" }).notNull(),
    toVoicemail: bigint("to_voicemail", { mode: "number" }),
    minDifferencePoints: bigint("min_difference_points", { mode: "number" }).notNull(),
    status: text("status", { enum: ["running", "ended"] }).notNull().default("running"),
    salt: text("salt").notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => user.id),
    startedAt: bigint("started_at", { mode: "number" }).notNull(),
    endedAt: bigint("ended_at", { mode: "number" }),
  },
  (t) => [uniqueIndex("experiment_team_name_uq").on(t.teamId, t.name), index("experiment_team_status_idx").on(t.teamId, t.status)],
);

export const experimentArm = pgTable(
  "experiment_arm",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    experimentId: bigint("experiment_id", { mode: "number" })
      .notNull()
      .references(() => experiment.id, { onDelete: "cascade" }),
    position: bigint("position", { mode: "number" }).notNull(),
    scriptId: bigint("script_id", { mode: "number" })
      .notNull()
      .references(() => script.id),
  },
  (t) => [uniqueIndex("experiment_arm_position_uq").on(t.experimentId, t.position), uniqueIndex("experiment_arm_script_uq").on(t.experimentId, t.scriptId)],
);

export const experimentRep = pgTable(
  "experiment_rep",
  {
    experimentId: bigint("experiment_id", { mode: "number" })
      .notNull()
      .references(() => experiment.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.userId] })],
);

export const experimentAssignment = pgTable(
  "experiment_assignment",
  {
    experimentId: bigint("experiment_id", { mode: "number" })
      .notNull()
      .references(() => experiment.id, { onDelete: "cascade" }),
    prospectId: bigint("prospect_id", { mode: "number" })
      .notNull()
      .references(() => prospect.id),
    armId: bigint("arm_id", { mode: "number" })
      .notNull()
      .references(() => experimentArm.id),
    assignedAt: bigint("assigned_at", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.prospectId] }), index("experiment_assignment_arm_idx").on(t.experimentId, t.armId)],
);

export const experimentVoicemail = pgTable(
  "experiment_voicemail",
  {
    attemptId: bigint("attempt_id", { mode: "number" })
      .primaryKey()
      .references(() => attempt.id),
    experimentId: bigint("experiment_id", { mode: "number" })
      .notNull()
      .references(() => experiment.id, { onDelete: "cascade" }),
    assignedArmId: bigint("assigned_arm_id", { mode: "number" })
      .notNull()
      .references(() => experimentArm.id),
    readScriptId: bigint("read_script_id", { mode: "number" })
      .notNull()
      .references(() => script.id),
  },
  (t) => [index("experiment_voicemail_experiment_idx").on(t.experimentId)],
);

export const take = pgTable(
  "take",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    repId: text("rep_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    scriptVersionId: bigint("script_version_id", { mode: "number" })
      .notNull()
      .references(() => scriptVersion.id),
    spokenMs: bigint("spoken_ms", { mode: "number" }).notNull(),
    recordedMs: bigint("recorded_ms", { mode: "number" }).notNull(),
    bytes: bigint("bytes", { mode: "number" }).notNull(),
    words: bigint("words", { mode: "number" }).notNull(),
    shared: smallint("shared").notNull().default(0),
    reference: smallint("reference").notNull().default(0),
    comment: text("comment"),
    commentById: text("comment_by_id").references(() => user.id, { onDelete: "set null" }),
    commentedAt: bigint("commented_at", { mode: "number" }),
    createdAt: createdAt(),
  },
  (t) => [index("take_team_version_idx").on(t.teamId, t.scriptVersionId), index("take_team_rep_idx").on(t.teamId, t.repId)],
);

export const takeAudio = pgTable("take_audio", {
  takeId: bigint("take_id", { mode: "number" })
    .primaryKey()
    .references(() => take.id, { onDelete: "cascade" }),
  webm: bytea("webm").notNull(),
});

/**
 * Per team and UTC day, a generation the attempt and callback triggers move (the SQLite one is
 * made by migration 0003 alone, so db/schema.ts does not declare it).
 */
export const dayGeneration = pgTable(
  "day_generation",
  {
    teamId: text("team_id").notNull(),
    day: bigint("day", { mode: "number" }).notNull(),
    gen: bigint("gen", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.day] })],
);

export const apiKey = pgTable(
  "api_key",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    role: text("role", { enum: ["owner", "manager", "rep"] }).notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastUsedAt: bigint("last_used_at", { mode: "number" }),
    revokedAt: bigint("revoked_at", { mode: "number" }),
  },
  (t) => [uniqueIndex("api_key_hash_uq").on(t.keyHash), uniqueIndex("api_key_team_prefix_uq").on(t.teamId, t.prefix), index("api_key_team_idx").on(t.teamId)],
);

export const integration = pgTable(
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
    revokedAt: bigint("revoked_at", { mode: "number" }),
    lastEventAt: bigint("last_event_at", { mode: "number" }),
  },
  (t) => [index("integration_team_idx").on(t.teamId)],
);

export const teamChange = pgTable("team_change", {
  teamId: text("team_id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  dialSeq: bigint("dial_seq", { mode: "number" }).notNull(),
  callbackSeq: bigint("callback_seq", { mode: "number" }).notNull(),
  at: bigint("at", { mode: "number" }).notNull(),
});

export const displayLink = pgTable(
  "display_link",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: text("team_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdById: text("created_by_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    revokedAt: bigint("revoked_at", { mode: "number" }),
  },
  (t) => [uniqueIndex("display_link_token_uq").on(t.tokenHash), index("display_link_team_idx").on(t.teamId)],
);
