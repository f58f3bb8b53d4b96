-- What the leaderboard keeps in memory between requests (server/services/timing-cache.ts): per
-- team and UTC day, the returned voicemails (for time-to-callback percentiles) and the
-- unattributed callbacks. A day's generation moves inside the same transaction as every write
-- that could change either, so a reader compares generations and reloads only the days that moved.
-- A day without a row is generation 0.
CREATE TABLE `day_generation` (
	`team_id` text NOT NULL,
	`day` integer NOT NULL,
	`gen` integer NOT NULL,
	PRIMARY KEY(`team_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER attempt_day_generation_insert AFTER INSERT ON attempt WHEN NEW.returned_at IS NOT NULL BEGIN
INSERT INTO day_generation (team_id, day, gen) VALUES (NEW.team_id, NEW.at / 86400000, 1)
  ON CONFLICT (team_id, day) DO UPDATE SET gen = gen + 1;
END;
--> statement-breakpoint
CREATE TRIGGER attempt_day_generation_delete AFTER DELETE ON attempt WHEN OLD.returned_at IS NOT NULL BEGIN
INSERT INTO day_generation (team_id, day, gen) VALUES (OLD.team_id, OLD.at / 86400000, 1)
  ON CONFLICT (team_id, day) DO UPDATE SET gen = gen + 1;
END;
--> statement-breakpoint
CREATE TRIGGER attempt_day_generation_update AFTER UPDATE OF team_id, rep_id, at, outcome, script_version_id, voicemail_number, returned_at, deleted_at ON attempt
WHEN OLD.returned_at IS NOT NULL OR NEW.returned_at IS NOT NULL BEGIN
INSERT INTO day_generation (team_id, day, gen) VALUES (OLD.team_id, OLD.at / 86400000, 1)
  ON CONFLICT (team_id, day) DO UPDATE SET gen = gen + 1;
INSERT INTO day_generation (team_id, day, gen) VALUES (NEW.team_id, NEW.at / 86400000, 1)
  ON CONFLICT (team_id, day) DO UPDATE SET gen = gen + 1;
END;
--> statement-breakpoint
CREATE TRIGGER callback_day_generation_insert AFTER INSERT ON callback BEGIN
INSERT INTO day_generation (team_id, day, gen) VALUES (NEW.team_id, NEW.at / 86400000, 1)
  ON CONFLICT (team_id, day) DO UPDATE SET gen = gen + 1;
END;
--> statement-breakpoint
CREATE TRIGGER callback_day_generation_delete AFTER DELETE ON callback BEGIN
INSERT INTO day_generation (team_id, day, gen) VALUES (OLD.team_id, OLD.at / 86400000, 1)
  ON CONFLICT (team_id, day) DO UPDATE SET gen = gen + 1;
END;
--> statement-breakpoint
CREATE TRIGGER callback_day_generation_update AFTER UPDATE OF team_id, at, credited_attempt_id, deleted_at ON callback BEGIN
INSERT INTO day_generation (team_id, day, gen) VALUES (OLD.team_id, OLD.at / 86400000, 1)
  ON CONFLICT (team_id, day) DO UPDATE SET gen = gen + 1;
INSERT INTO day_generation (team_id, day, gen) VALUES (NEW.team_id, NEW.at / 86400000, 1)
  ON CONFLICT (team_id, day) DO UPDATE SET gen = gen + 1;
END;
