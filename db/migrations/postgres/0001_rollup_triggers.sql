-- The SQLite triggers of migrations 0002 (leaderboard rollups) and 0003 (day generations), ported
-- to PL/pgSQL with the same names, events, column lists and WHEN conditions, and the same
-- arithmetic: a voicemail counts on the team's local day from team_zone_offset (the offset in
-- force at the attempt, else the earliest known, else UTC), periods 'YYYY-MM-DD' and 'YYYY-MM',
-- and a generation day is `at / 86400000`, integer division on both engines.
-- db/triggers-parity.test.ts runs the same writes through both engines and compares the tables.

-- The team's local date of an instant, as SQLite's date((at + offset) / 1000, 'unixepoch').
CREATE FUNCTION rollup_local_day(p_team_id text, p_at bigint) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT to_char(to_timestamp((p_at + coalesce(
      (SELECT z.offset_ms FROM team_zone_offset z WHERE z.team_id = p_team_id AND z.from_ms <= p_at ORDER BY z.from_ms DESC LIMIT 1),
      (SELECT z.offset_ms FROM team_zone_offset z WHERE z.team_id = p_team_id ORDER BY z.from_ms LIMIT 1),
      0)) / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD')
$$;
--> statement-breakpoint
-- Adds (delta 1) or takes back (delta -1) one attempt's contribution to its counters: a live
-- voicemail counts for its version, its rep and its attempt-number bucket, per day and month.
CREATE FUNCTION attempt_rollup_add(r attempt, delta integer) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  local_day text;
BEGIN
  IF r.outcome IS DISTINCT FROM 'voicemail' OR r.deleted_at IS NOT NULL THEN
    RETURN;
  END IF;
  local_day := rollup_local_day(r.team_id, r.at);
  INSERT INTO stats_rollup AS s (team_id, dim, grain, period, key, voicemails, returned, appointments)
    SELECT r.team_id, d.dim, g.grain, CASE g.grain WHEN 'day' THEN local_day ELSE substr(local_day, 1, 7) END, d.key,
      delta, delta * (CASE WHEN r.returned_at IS NOT NULL THEN 1 ELSE 0 END), delta * r.appointment
    FROM (VALUES ('day'), ('month')) AS g (grain)
    CROSS JOIN (VALUES ('version', CAST(r.script_version_id AS text)),
                       ('rep', r.rep_id),
                       ('attempt', CASE WHEN r.voicemail_number >= 4 THEN '4+' ELSE CAST(r.voicemail_number AS text) END)) AS d (dim, key)
    WHERE d.key IS NOT NULL
  ON CONFLICT (team_id, dim, grain, period, key) DO UPDATE SET
    voicemails = s.voicemails + excluded.voicemails,
    returned = s.returned + excluded.returned,
    appointments = s.appointments + excluded.appointments;
END
$$;
--> statement-breakpoint
CREATE FUNCTION attempt_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM attempt_rollup_add(OLD, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM attempt_rollup_add(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER attempt_rollup_insert AFTER INSERT ON attempt FOR EACH ROW EXECUTE FUNCTION attempt_rollup();
--> statement-breakpoint
CREATE TRIGGER attempt_rollup_delete AFTER DELETE ON attempt FOR EACH ROW EXECUTE FUNCTION attempt_rollup();
--> statement-breakpoint
CREATE TRIGGER attempt_rollup_update
  AFTER UPDATE OF team_id, rep_id, "at", outcome, script_version_id, voicemail_number, returned_at, appointment, deleted_at ON attempt
  FOR EACH ROW EXECUTE FUNCTION attempt_rollup();
--> statement-breakpoint
CREATE FUNCTION day_generation_bump(p_team_id text, p_at bigint) RETURNS void LANGUAGE sql AS $$
  INSERT INTO day_generation AS g (team_id, day, gen) VALUES (p_team_id, p_at / 86400000, 1)
  ON CONFLICT (team_id, day) DO UPDATE SET gen = g.gen + 1
$$;
--> statement-breakpoint
-- Moves the generation of the old row's day and of the new row's day (twice when they are one).
CREATE FUNCTION day_generation_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM day_generation_bump(OLD.team_id, OLD."at");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM day_generation_bump(NEW.team_id, NEW."at");
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER attempt_day_generation_insert AFTER INSERT ON attempt
  FOR EACH ROW WHEN (NEW.returned_at IS NOT NULL) EXECUTE FUNCTION day_generation_touch();
--> statement-breakpoint
CREATE TRIGGER attempt_day_generation_delete AFTER DELETE ON attempt
  FOR EACH ROW WHEN (OLD.returned_at IS NOT NULL) EXECUTE FUNCTION day_generation_touch();
--> statement-breakpoint
CREATE TRIGGER attempt_day_generation_update
  AFTER UPDATE OF team_id, rep_id, "at", outcome, script_version_id, voicemail_number, returned_at, deleted_at ON attempt
  FOR EACH ROW WHEN (OLD.returned_at IS NOT NULL OR NEW.returned_at IS NOT NULL) EXECUTE FUNCTION day_generation_touch();
--> statement-breakpoint
CREATE TRIGGER callback_day_generation_insert AFTER INSERT ON callback FOR EACH ROW EXECUTE FUNCTION day_generation_touch();
--> statement-breakpoint
CREATE TRIGGER callback_day_generation_delete AFTER DELETE ON callback FOR EACH ROW EXECUTE FUNCTION day_generation_touch();
--> statement-breakpoint
CREATE TRIGGER callback_day_generation_update
  AFTER UPDATE OF team_id, "at", credited_attempt_id, deleted_at ON callback
  FOR EACH ROW EXECUTE FUNCTION day_generation_touch();
