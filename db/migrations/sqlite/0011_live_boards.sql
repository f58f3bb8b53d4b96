CREATE TABLE `display_link` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `display_link_token_uq` ON `display_link` (`token_hash`);--> statement-breakpoint
CREATE INDEX `display_link_team_idx` ON `display_link` (`team_id`);--> statement-breakpoint
CREATE TABLE `team_change` (
	`team_id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`dial_seq` integer NOT NULL,
	`callback_seq` integer NOT NULL,
	`at` integer NOT NULL
);
