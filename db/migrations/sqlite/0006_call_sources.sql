CREATE TABLE `import_mapping` (
	`team_id` text NOT NULL,
	`source` text NOT NULL,
	`kind` text NOT NULL,
	`external` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`team_id`, `source`, `kind`, `external`),
	FOREIGN KEY (`team_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `prospect_source_id` (
	`team_id` text NOT NULL,
	`source` text NOT NULL,
	`external_id` text NOT NULL,
	`prospect_id` integer NOT NULL,
	PRIMARY KEY(`team_id`, `source`, `external_id`),
	FOREIGN KEY (`team_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`prospect_id`) REFERENCES `prospect`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_prospect` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`name` text NOT NULL,
	`company` text,
	`phone` text,
	`owner_id` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_prospect`("id", "team_id", "name", "company", "phone", "owner_id", "status", "created_at", "updated_at") SELECT "id", "team_id", "name", "company", "phone", "owner_id", "status", "created_at", "updated_at" FROM `prospect`;--> statement-breakpoint
DROP TABLE `prospect`;--> statement-breakpoint
ALTER TABLE `__new_prospect` RENAME TO `prospect`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `prospect_team_phone_uq` ON `prospect` (`team_id`,`phone`);--> statement-breakpoint
CREATE INDEX `prospect_team_name_idx` ON `prospect` (`team_id`,`name`);--> statement-breakpoint
ALTER TABLE `attempt` ADD `source` text;--> statement-breakpoint
ALTER TABLE `attempt` ADD `source_call_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `attempt_source_call_uq` ON `attempt` (`team_id`,`source`,`source_call_id`) WHERE source_call_id is not null;--> statement-breakpoint
ALTER TABLE `callback` ADD `source` text;--> statement-breakpoint
ALTER TABLE `callback` ADD `source_call_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `callback_source_call_uq` ON `callback` (`team_id`,`source`,`source_call_id`) WHERE source_call_id is not null;--> statement-breakpoint
ALTER TABLE `script` ADD `unrecorded` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `script_team_unrecorded_uq` ON `script` (`team_id`) WHERE unrecorded = 1;