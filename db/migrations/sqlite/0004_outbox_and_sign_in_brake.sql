CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`text` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_to_idx` ON `outbox` (`to`);--> statement-breakpoint
CREATE TABLE `sign_in_brake` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_failure_at` integer NOT NULL
);
