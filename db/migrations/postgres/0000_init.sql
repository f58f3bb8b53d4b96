CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" bigint,
	"refresh_token_expires_at" bigint,
	"scope" text,
	"password" text,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"updated_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "attempt" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"rep_id" text NOT NULL,
	"prospect_id" bigint NOT NULL,
	"at" bigint NOT NULL,
	"outcome" text NOT NULL,
	"script_version_id" bigint,
	"message_seconds" bigint,
	"notes" text,
	"voicemail_number" bigint,
	"returned_at" bigint,
	"appointment" smallint DEFAULT 0 NOT NULL,
	"deleted_at" bigint,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"source" text,
	"source_call_id" text
);
--> statement-breakpoint
CREATE TABLE "callback" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"prospect_id" bigint NOT NULL,
	"at" bigint NOT NULL,
	"result" text NOT NULL,
	"notes" text,
	"logged_by_id" text,
	"credited_attempt_id" bigint,
	"deleted_at" bigint,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"source" text,
	"source_call_id" text
);
--> statement-breakpoint
CREATE TABLE "day_generation" (
	"team_id" text NOT NULL,
	"day" bigint NOT NULL,
	"gen" bigint NOT NULL,
	CONSTRAINT "day_generation_team_id_day_pk" PRIMARY KEY("team_id","day")
);
--> statement-breakpoint
CREATE TABLE "experiment" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"name" text NOT NULL,
	"stage" text NOT NULL,
	"from_voicemail" bigint NOT NULL,
	"to_voicemail" bigint,
	"min_difference_points" bigint NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"salt" text NOT NULL,
	"created_by_id" text NOT NULL,
	"started_at" bigint NOT NULL,
	"ended_at" bigint
);
--> statement-breakpoint
CREATE TABLE "experiment_arm" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"experiment_id" bigint NOT NULL,
	"position" bigint NOT NULL,
	"script_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment_assignment" (
	"experiment_id" bigint NOT NULL,
	"prospect_id" bigint NOT NULL,
	"arm_id" bigint NOT NULL,
	"assigned_at" bigint NOT NULL,
	CONSTRAINT "experiment_assignment_experiment_id_prospect_id_pk" PRIMARY KEY("experiment_id","prospect_id")
);
--> statement-breakpoint
CREATE TABLE "experiment_rep" (
	"experiment_id" bigint NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "experiment_rep_experiment_id_user_id_pk" PRIMARY KEY("experiment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "experiment_voicemail" (
	"attempt_id" bigint PRIMARY KEY NOT NULL,
	"experiment_id" bigint NOT NULL,
	"assigned_arm_id" bigint NOT NULL,
	"read_script_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_mapping" (
	"team_id" text NOT NULL,
	"source" text NOT NULL,
	"kind" text NOT NULL,
	"external" text NOT NULL,
	"value" text NOT NULL,
	CONSTRAINT "import_mapping_team_id_source_kind_external_pk" PRIMARY KEY("team_id","source","kind","external")
);
--> statement-breakpoint
CREATE TABLE "invitation" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"expires_at" bigint NOT NULL,
	"inviter_id" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"phone" text,
	"words_per_minute" bigint
);
--> statement-breakpoint
CREATE TABLE "organization" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"logo" text,
	"metadata" text,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"timezone" text DEFAULT 'America/New_York' NOT NULL,
	"attribution_window_days" bigint DEFAULT 14 NOT NULL,
	"min_sample" bigint DEFAULT 10 NOT NULL,
	"words_per_minute" bigint DEFAULT 150 NOT NULL,
	"default_region" text DEFAULT 'US' NOT NULL,
	CONSTRAINT "organization_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prospect" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"name" text NOT NULL,
	"company" text,
	"phone" text,
	"owner_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"updated_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prospect_source_id" (
	"team_id" text NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"prospect_id" bigint NOT NULL,
	CONSTRAINT "prospect_source_id_team_id_source_external_id_pk" PRIMARY KEY("team_id","source","external_id")
);
--> statement-breakpoint
CREATE TABLE "script" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"title" text NOT NULL,
	"stage" text NOT NULL,
	"author_id" text NOT NULL,
	"shared" smallint DEFAULT 0 NOT NULL,
	"archived" smallint DEFAULT 0 NOT NULL,
	"team_pick" smallint DEFAULT 0 NOT NULL,
	"unrecorded" smallint DEFAULT 0 NOT NULL,
	"forked_from_version_id" bigint,
	"deleted_at" bigint,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"updated_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "script_tag" (
	"script_id" bigint NOT NULL,
	"tag" text NOT NULL,
	CONSTRAINT "script_tag_script_id_tag_pk" PRIMARY KEY("script_id","tag")
);
--> statement-breakpoint
CREATE TABLE "script_version" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"script_id" bigint NOT NULL,
	"number" bigint NOT NULL,
	"body" text NOT NULL,
	"word_count" bigint NOT NULL,
	"author_id" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" bigint NOT NULL,
	"token" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"updated_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	"active_organization_id" text,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "sign_in_brake" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" bigint NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"last_failure_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_rollup" (
	"team_id" text NOT NULL,
	"dim" text NOT NULL,
	"grain" text NOT NULL,
	"period" text NOT NULL,
	"key" text NOT NULL,
	"voicemails" bigint NOT NULL,
	"returned" bigint NOT NULL,
	"appointments" bigint NOT NULL,
	CONSTRAINT "stats_rollup_team_id_dim_grain_period_key_pk" PRIMARY KEY("team_id","dim","grain","period","key")
);
--> statement-breakpoint
CREATE TABLE "take" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"rep_id" text NOT NULL,
	"script_version_id" bigint NOT NULL,
	"spoken_ms" bigint NOT NULL,
	"recorded_ms" bigint NOT NULL,
	"bytes" bigint NOT NULL,
	"words" bigint NOT NULL,
	"shared" smallint DEFAULT 0 NOT NULL,
	"reference" smallint DEFAULT 0 NOT NULL,
	"comment" text,
	"comment_by_id" text,
	"commented_at" bigint,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "take_audio" (
	"take_id" bigint PRIMARY KEY NOT NULL,
	"webm" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_zone_offset" (
	"team_id" text NOT NULL,
	"time_zone" text NOT NULL,
	"from_ms" bigint NOT NULL,
	"offset_ms" bigint NOT NULL,
	CONSTRAINT "team_zone_offset_team_id_from_ms_pk" PRIMARY KEY("team_id","from_ms")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" smallint DEFAULT 0 NOT NULL,
	"image" text,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"updated_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"updated_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL
);
--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_rep_id_user_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_prospect_id_prospect_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospect"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attempt" ADD CONSTRAINT "attempt_script_version_id_script_version_id_fk" FOREIGN KEY ("script_version_id") REFERENCES "public"."script_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_prospect_id_prospect_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospect"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_logged_by_id_user_id_fk" FOREIGN KEY ("logged_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback" ADD CONSTRAINT "callback_credited_attempt_id_attempt_id_fk" FOREIGN KEY ("credited_attempt_id") REFERENCES "public"."attempt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment" ADD CONSTRAINT "experiment_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_arm" ADD CONSTRAINT "experiment_arm_experiment_id_experiment_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_arm" ADD CONSTRAINT "experiment_arm_script_id_script_id_fk" FOREIGN KEY ("script_id") REFERENCES "public"."script"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_assignment" ADD CONSTRAINT "experiment_assignment_experiment_id_experiment_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_assignment" ADD CONSTRAINT "experiment_assignment_prospect_id_prospect_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospect"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_assignment" ADD CONSTRAINT "experiment_assignment_arm_id_experiment_arm_id_fk" FOREIGN KEY ("arm_id") REFERENCES "public"."experiment_arm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_rep" ADD CONSTRAINT "experiment_rep_experiment_id_experiment_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_rep" ADD CONSTRAINT "experiment_rep_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_voicemail" ADD CONSTRAINT "experiment_voicemail_attempt_id_attempt_id_fk" FOREIGN KEY ("attempt_id") REFERENCES "public"."attempt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_voicemail" ADD CONSTRAINT "experiment_voicemail_experiment_id_experiment_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_voicemail" ADD CONSTRAINT "experiment_voicemail_assigned_arm_id_experiment_arm_id_fk" FOREIGN KEY ("assigned_arm_id") REFERENCES "public"."experiment_arm"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_voicemail" ADD CONSTRAINT "experiment_voicemail_read_script_id_script_id_fk" FOREIGN KEY ("read_script_id") REFERENCES "public"."script"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mapping" ADD CONSTRAINT "import_mapping_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_inviter_id_user_id_fk" FOREIGN KEY ("inviter_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member" ADD CONSTRAINT "member_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member" ADD CONSTRAINT "member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect" ADD CONSTRAINT "prospect_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect" ADD CONSTRAINT "prospect_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_source_id" ADD CONSTRAINT "prospect_source_id_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_source_id" ADD CONSTRAINT "prospect_source_id_prospect_id_prospect_id_fk" FOREIGN KEY ("prospect_id") REFERENCES "public"."prospect"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "script" ADD CONSTRAINT "script_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "script" ADD CONSTRAINT "script_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "script_tag" ADD CONSTRAINT "script_tag_script_id_script_id_fk" FOREIGN KEY ("script_id") REFERENCES "public"."script"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "script_version" ADD CONSTRAINT "script_version_script_id_script_id_fk" FOREIGN KEY ("script_id") REFERENCES "public"."script"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "script_version" ADD CONSTRAINT "script_version_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "take" ADD CONSTRAINT "take_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "take" ADD CONSTRAINT "take_rep_id_user_id_fk" FOREIGN KEY ("rep_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "take" ADD CONSTRAINT "take_script_version_id_script_version_id_fk" FOREIGN KEY ("script_version_id") REFERENCES "public"."script_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "take" ADD CONSTRAINT "take_comment_by_id_user_id_fk" FOREIGN KEY ("comment_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "take_audio" ADD CONSTRAINT "take_audio_take_id_take_id_fk" FOREIGN KEY ("take_id") REFERENCES "public"."take"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_zone_offset" ADD CONSTRAINT "team_zone_offset_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_user_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attempt_source_call_uq" ON "attempt" USING btree ("team_id","source","source_call_id") WHERE source_call_id is not null;--> statement-breakpoint
CREATE INDEX "attempt_team_at_idx" ON "attempt" USING btree ("team_id","at");--> statement-breakpoint
CREATE INDEX "attempt_prospect_at_idx" ON "attempt" USING btree ("prospect_id","at");--> statement-breakpoint
CREATE INDEX "attempt_team_rep_at_idx" ON "attempt" USING btree ("team_id","rep_id","at");--> statement-breakpoint
CREATE INDEX "attempt_version_idx" ON "attempt" USING btree ("script_version_id");--> statement-breakpoint
CREATE INDEX "attempt_returned_idx" ON "attempt" USING btree ("team_id","at","script_version_id","rep_id","voicemail_number","returned_at","outcome","deleted_at") WHERE outcome = 'voicemail' and deleted_at is null and returned_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "attempt_natural_uq" ON "attempt" USING btree ("team_id","prospect_id","rep_id","at","outcome");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_source_call_uq" ON "callback" USING btree ("team_id","source","source_call_id") WHERE source_call_id is not null;--> statement-breakpoint
CREATE INDEX "callback_team_at_idx" ON "callback" USING btree ("team_id","at");--> statement-breakpoint
CREATE INDEX "callback_prospect_at_idx" ON "callback" USING btree ("prospect_id","at");--> statement-breakpoint
CREATE INDEX "callback_credited_idx" ON "callback" USING btree ("credited_attempt_id");--> statement-breakpoint
CREATE INDEX "callback_unattributed_idx" ON "callback" USING btree ("team_id","at","credited_attempt_id","deleted_at") WHERE credited_attempt_id is null and deleted_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "callback_natural_uq" ON "callback" USING btree ("team_id","prospect_id","at","result");--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_team_name_uq" ON "experiment" USING btree ("team_id","name");--> statement-breakpoint
CREATE INDEX "experiment_team_status_idx" ON "experiment" USING btree ("team_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_arm_position_uq" ON "experiment_arm" USING btree ("experiment_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_arm_script_uq" ON "experiment_arm" USING btree ("experiment_id","script_id");--> statement-breakpoint
CREATE INDEX "experiment_assignment_arm_idx" ON "experiment_assignment" USING btree ("experiment_id","arm_id");--> statement-breakpoint
CREATE INDEX "experiment_voicemail_experiment_idx" ON "experiment_voicemail" USING btree ("experiment_id");--> statement-breakpoint
CREATE INDEX "invitation_team_idx" ON "invitation" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "invitation_email_idx" ON "invitation" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "member_team_user_uq" ON "member" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "member_user_idx" ON "member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "outbox_to_idx" ON "outbox" USING btree ("to");--> statement-breakpoint
CREATE UNIQUE INDEX "prospect_team_phone_uq" ON "prospect" USING btree ("team_id","phone");--> statement-breakpoint
CREATE INDEX "prospect_team_name_idx" ON "prospect" USING btree ("team_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "script_team_title_uq" ON "script" USING btree ("team_id","title");--> statement-breakpoint
CREATE INDEX "script_team_idx" ON "script" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "script_team_unrecorded_uq" ON "script" USING btree ("team_id") WHERE unrecorded = 1;--> statement-breakpoint
CREATE INDEX "script_tag_tag_idx" ON "script_tag" USING btree ("tag");--> statement-breakpoint
CREATE UNIQUE INDEX "script_version_number_uq" ON "script_version" USING btree ("script_id","number");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "take_team_version_idx" ON "take" USING btree ("team_id","script_version_id");--> statement-breakpoint
CREATE INDEX "take_team_rep_idx" ON "take" USING btree ("team_id","rep_id");--> statement-breakpoint
CREATE INDEX "verification_identifier_idx" ON "verification" USING btree ("identifier");