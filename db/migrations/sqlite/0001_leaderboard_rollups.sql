CREATE TABLE `stats_rollup` (
	`team_id` text NOT NULL,
	`dim` text NOT NULL,
	`grain` text NOT NULL,
	`period` text NOT NULL,
	`key` text NOT NULL,
	`voicemails` integer NOT NULL,
	`returned` integer NOT NULL,
	`appointments` integer NOT NULL,
	PRIMARY KEY(`team_id`, `dim`, `grain`, `period`, `key`)
);
--> statement-breakpoint
CREATE TABLE `team_zone_offset` (
	`team_id` text NOT NULL,
	`time_zone` text NOT NULL,
	`from_ms` integer NOT NULL,
	`offset_ms` integer NOT NULL,
	PRIMARY KEY(`team_id`, `from_ms`),
	FOREIGN KEY (`team_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attempt_returned_idx` ON `attempt` (`team_id`,`at`,`script_version_id`,`rep_id`,`voicemail_number`,`returned_at`,`outcome`,`deleted_at`) WHERE outcome = 'voicemail' and deleted_at is null and returned_at is not null;--> statement-breakpoint
CREATE INDEX `callback_unattributed_idx` ON `callback` (`team_id`,`at`,`credited_attempt_id`,`deleted_at`) WHERE credited_attempt_id is null and deleted_at is null;