CREATE TABLE "integration" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"provider" text NOT NULL,
	"name" text NOT NULL,
	"secret" text NOT NULL,
	"created_by_id" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"revoked_at" bigint,
	"last_event_at" bigint
);
--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration" ADD CONSTRAINT "integration_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_team_idx" ON "integration" USING btree ("team_id");