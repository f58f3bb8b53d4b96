CREATE TABLE "display_link" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by_id" text NOT NULL,
	"created_at" bigint DEFAULT (floor(extract(epoch from now()) * 1000)::bigint) NOT NULL,
	"revoked_at" bigint
);
--> statement-breakpoint
CREATE TABLE "team_change" (
	"team_id" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"dial_seq" bigint NOT NULL,
	"callback_seq" bigint NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "display_link" ADD CONSTRAINT "display_link_team_id_organization_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."organization"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "display_link" ADD CONSTRAINT "display_link_created_by_id_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "display_link_token_uq" ON "display_link" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "display_link_team_idx" ON "display_link" USING btree ("team_id");