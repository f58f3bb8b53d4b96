CREATE TABLE `experiment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` text NOT NULL,
	`name` text NOT NULL,
	`stage` text NOT NULL,
	`from_voicemail` integer NOT NULL,
	`to_voicemail` integer,
	`min_difference_points` integer NOT NULL,
	`status` text DEFAULT 'running' NOT NULL,
	`salt` text NOT NULL,
	`created_by_id` text NOT NULL,
	`started_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`team_id`) REFERENCES `organization`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `experiment_team_name_uq` ON `experiment` (`team_id`,`name`);--> statement-breakpoint
CREATE INDEX `experiment_team_status_idx` ON `experiment` (`team_id`,`status`);--> statement-breakpoint
CREATE TABLE `experiment_arm` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`experiment_id` integer NOT NULL,
	`position` integer NOT NULL,
	`script_id` integer NOT NULL,
	FOREIGN KEY (`experiment_id`) REFERENCES `experiment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`script_id`) REFERENCES `script`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `experiment_arm_position_uq` ON `experiment_arm` (`experiment_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `experiment_arm_script_uq` ON `experiment_arm` (`experiment_id`,`script_id`);--> statement-breakpoint
CREATE TABLE `experiment_assignment` (
	`experiment_id` integer NOT NULL,
	`prospect_id` integer NOT NULL,
	`arm_id` integer NOT NULL,
	`assigned_at` integer NOT NULL,
	PRIMARY KEY(`experiment_id`, `prospect_id`),
	FOREIGN KEY (`experiment_id`) REFERENCES `experiment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`prospect_id`) REFERENCES `prospect`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`arm_id`) REFERENCES `experiment_arm`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `experiment_assignment_arm_idx` ON `experiment_assignment` (`experiment_id`,`arm_id`);--> statement-breakpoint
CREATE TABLE `experiment_rep` (
	`experiment_id` integer NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`experiment_id`, `user_id`),
	FOREIGN KEY (`experiment_id`) REFERENCES `experiment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `experiment_voicemail` (
	`attempt_id` integer PRIMARY KEY NOT NULL,
	`experiment_id` integer NOT NULL,
	`assigned_arm_id` integer NOT NULL,
	`read_script_id` integer NOT NULL,
	FOREIGN KEY (`attempt_id`) REFERENCES `attempt`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`experiment_id`) REFERENCES `experiment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assigned_arm_id`) REFERENCES `experiment_arm`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`read_script_id`) REFERENCES `script`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `experiment_voicemail_experiment_idx` ON `experiment_voicemail` (`experiment_id`);