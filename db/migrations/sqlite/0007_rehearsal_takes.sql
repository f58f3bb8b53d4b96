CREATE TABLE `take` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`rep_id` text NOT NULL,
	`script_version_id` integer NOT NULL,
	`spoken_ms` integer NOT NULL,
	`recorded_ms` integer NOT NULL,
	`bytes` integer NOT NULL,
	`words` integer NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`reference` integer DEFAULT false NOT NULL,
	`comment` text,
	`comment_by_id` text,
	`commented_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rep_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`script_version_id`) REFERENCES `script_version`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`comment_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `take_team_version_idx` ON `take` (`team_id`,`script_version_id`);--> statement-breakpoint
CREATE INDEX `take_team_rep_idx` ON `take` (`team_id`,`rep_id`);--> statement-breakpoint
CREATE TABLE `take_audio` (
	`take_id` integer PRIMARY KEY NOT NULL,
	`webm` blob NOT NULL,
	FOREIGN KEY (`take_id`) REFERENCES `take`(`id`) ON UPDATE no action ON DELETE cascade
);
