CREATE TABLE "prospect_merge" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"kept_id" bigint NOT NULL,
	"duplicate_id" bigint NOT NULL,
	"kept_name" text NOT NULL,
	"duplicate_name" text NOT NULL,
	"duplicate" text NOT NULL,
	"moved" text NOT NULL,
	"merged_by_id" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"undone_by_id" text,
	"undone_at" bigint
);
--> statement-breakpoint
ALTER TABLE "prospect_merge" ADD CONSTRAINT "prospect_merge_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_merge" ADD CONSTRAINT "prospect_merge_merged_by_id_user_id_fk" FOREIGN KEY ("merged_by_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prospect_merge" ADD CONSTRAINT "prospect_merge_undone_by_id_user_id_fk" FOREIGN KEY ("undone_by_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prospect_merge_team_idx" ON "prospect_merge" USING btree ("team_id","id");--> statement-breakpoint
CREATE INDEX "prospect_merge_duplicate_idx" ON "prospect_merge" USING btree ("team_id","duplicate_id");