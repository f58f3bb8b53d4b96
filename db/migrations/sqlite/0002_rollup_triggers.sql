-- Counters are read and written by their key alone: a WITHOUT ROWID table stores each row in its
-- primary key's b-tree, one lookup per upsert instead of two. (drizzle-kit cannot declare it, so
-- the table made by 0001, still empty, is remade here with the same columns.)
DROP TABLE `stats_rollup`;
--> statement-breakpoint
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
) WITHOUT ROWID;
--> statement-breakpoint
-- Leaderboard rollups (issue 6): every change to a voicemail's counted facts moves its counters in
-- stats_rollup inside the same transaction — a live voicemail adds 1 to its version, rep and
-- attempt-number bucket on its local day and month; the old row's contribution is taken back on
-- update and delete. Days are the team's local days, from team_zone_offset (db/zone-offsets.ts).
-- `ringback verify` recounts every counter from the attempts.
CREATE TRIGGER attempt_rollup_insert AFTER INSERT ON attempt BEGIN
INSERT INTO stats_rollup (team_id, dim, grain, period, key, voicemails, returned, appointments)
  SELECT NEW.team_id, d.dim, g.grain, CASE g.grain WHEN 'day' THEN x.day ELSE substr(x.day, 1, 7) END, d.key, 1, 1 * (NEW.returned_at IS NOT NULL), 1 * NEW.appointment
  FROM (SELECT date((NEW.at + coalesce((select z.offset_ms from team_zone_offset z where z.team_id = NEW.team_id and z.from_ms <= NEW.at order by z.from_ms desc limit 1), (select z.offset_ms from team_zone_offset z where z.team_id = NEW.team_id order by z.from_ms limit 1), 0)) / 1000, 'unixepoch') AS day) AS x
  CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') AS g
  CROSS JOIN (SELECT 'version' AS dim, CAST(NEW.script_version_id AS TEXT) AS key
              UNION ALL SELECT 'rep', NEW.rep_id
              UNION ALL SELECT 'attempt', CASE WHEN NEW.voicemail_number >= 4 THEN '4+' ELSE CAST(NEW.voicemail_number AS TEXT) END) AS d
  WHERE NEW.outcome = 'voicemail' AND NEW.deleted_at IS NULL AND d.key IS NOT NULL
  ON CONFLICT (team_id, dim, grain, period, key) DO UPDATE SET
    voicemails = voicemails + excluded.voicemails, returned = returned + excluded.returned, appointments = appointments + excluded.appointments;
END;
--> statement-breakpoint
CREATE TRIGGER attempt_rollup_delete AFTER DELETE ON attempt BEGIN
INSERT INTO stats_rollup (team_id, dim, grain, period, key, voicemails, returned, appointments)
  SELECT OLD.team_id, d.dim, g.grain, CASE g.grain WHEN 'day' THEN x.day ELSE substr(x.day, 1, 7) END, d.key, -1, -1 * (OLD.returned_at IS NOT NULL), -1 * OLD.appointment
  FROM (SELECT date((OLD.at + coalesce((select z.offset_ms from team_zone_offset z where z.team_id = OLD.team_id and z.from_ms <= OLD.at order by z.from_ms desc limit 1), (select z.offset_ms from team_zone_offset z where z.team_id = OLD.team_id order by z.from_ms limit 1), 0)) / 1000, 'unixepoch') AS day) AS x
  CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') AS g
  CROSS JOIN (SELECT 'version' AS dim, CAST(OLD.script_version_id AS TEXT) AS key
              UNION ALL SELECT 'rep', OLD.rep_id
              UNION ALL SELECT 'attempt', CASE WHEN OLD.voicemail_number >= 4 THEN '4+' ELSE CAST(OLD.voicemail_number AS TEXT) END) AS d
  WHERE OLD.outcome = 'voicemail' AND OLD.deleted_at IS NULL AND d.key IS NOT NULL
  ON CONFLICT (team_id, dim, grain, period, key) DO UPDATE SET
    voicemails = voicemails + excluded.voicemails, returned = returned + excluded.returned, appointments = appointments + excluded.appointments;
END;
--> statement-breakpoint
CREATE TRIGGER attempt_rollup_update AFTER UPDATE OF team_id, rep_id, at, outcome, script_version_id, voicemail_number, returned_at, appointment, deleted_at ON attempt BEGIN
INSERT INTO stats_rollup (team_id, dim, grain, period, key, voicemails, returned, appointments)
  SELECT OLD.team_id, d.dim, g.grain, CASE g.grain WHEN 'day' THEN x.day ELSE substr(x.day, 1, 7) END, d.key, -1, -1 * (OLD.returned_at IS NOT NULL), -1 * OLD.appointment
  FROM (SELECT date((OLD.at + coalesce((select z.offset_ms from team_zone_offset z where z.team_id = OLD.team_id and z.from_ms <= OLD.at order by z.from_ms desc limit 1), (select z.offset_ms from team_zone_offset z where z.team_id = OLD.team_id order by z.from_ms limit 1), 0)) / 1000, 'unixepoch') AS day) AS x
  CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') AS g
  CROSS JOIN (SELECT 'version' AS dim, CAST(OLD.script_version_id AS TEXT) AS key
              UNION ALL SELECT 'rep', OLD.rep_id
              UNION ALL SELECT 'attempt', CASE WHEN OLD.voicemail_number >= 4 THEN '4+' ELSE CAST(OLD.voicemail_number AS TEXT) END) AS d
  WHERE OLD.outcome = 'voicemail' AND OLD.deleted_at IS NULL AND d.key IS NOT NULL
  ON CONFLICT (team_id, dim, grain, period, key) DO UPDATE SET
    voicemails = voicemails + excluded.voicemails, returned = returned + excluded.returned, appointments = appointments + excluded.appointments;
INSERT INTO stats_rollup (team_id, dim, grain, period, key, voicemails, returned, appointments)
  SELECT NEW.team_id, d.dim, g.grain, CASE g.grain WHEN 'day' THEN x.day ELSE substr(x.day, 1, 7) END, d.key, 1, 1 * (NEW.returned_at IS NOT NULL), 1 * NEW.appointment
  FROM (SELECT date((NEW.at + coalesce((select z.offset_ms from team_zone_offset z where z.team_id = NEW.team_id and z.from_ms <= NEW.at order by z.from_ms desc limit 1), (select z.offset_ms from team_zone_offset z where z.team_id = NEW.team_id order by z.from_ms limit 1), 0)) / 1000, 'unixepoch') AS day) AS x
  CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') AS g
  CROSS JOIN (SELECT 'version' AS dim, CAST(NEW.script_version_id AS TEXT) AS key
              UNION ALL SELECT 'rep', NEW.rep_id
              UNION ALL SELECT 'attempt', CASE WHEN NEW.voicemail_number >= 4 THEN '4+' ELSE CAST(NEW.voicemail_number AS TEXT) END) AS d
  WHERE NEW.outcome = 'voicemail' AND NEW.deleted_at IS NULL AND d.key IS NOT NULL
  ON CONFLICT (team_id, dim, grain, period, key) DO UPDATE SET
    voicemails = voicemails + excluded.voicemails, returned = returned + excluded.returned, appointments = appointments + excluded.appointments;
END;
