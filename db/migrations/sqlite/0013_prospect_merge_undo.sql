CREATE TABLE `prospect_merge` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`kept_id` integer NOT NULL,
	`duplicate_id` integer NOT NULL,
	`kept_name` text NOT NULL,
	`duplicate_name` text NOT NULL,
	`duplicate` text NOT NULL,
	`moved` text NOT NULL,
	`merged_by_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`undone_by_id` text,
	`undone_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`merged_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`undone_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `prospect_merge_team_idx` ON `prospect_merge` (`team_id`,`id`);--> statement-breakpoint
CREATE INDEX `prospect_merge_duplicate_idx` ON `prospect_merge` (`team_id`,`duplicate_id`);