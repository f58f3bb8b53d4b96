-- The live boards' change counter (db/schema.ts teamChange): every write to a team's dials or
-- callbacks moves it in the writer's transaction, whichever path wrote it. Kept by hand, as
-- drizzle-kit knows nothing of triggers (db/triggers.ts lists them).
CREATE FUNCTION team_change_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t text := CASE WHEN TG_OP = 'DELETE' THEN OLD.team_id ELSE NEW.team_id END;
  dial int := CASE WHEN TG_TABLE_NAME = 'attempt' THEN 1 ELSE 0 END;
BEGIN
  INSERT INTO team_change AS c (team_id, seq, dial_seq, callback_seq, "at")
    VALUES (t, 1, dial, 1 - dial, (extract(epoch from clock_timestamp()) * 1000)::bigint)
    ON CONFLICT (team_id) DO UPDATE SET seq = c.seq + 1, dial_seq = c.dial_seq + excluded.dial_seq,
      callback_seq = c.callback_seq + excluded.callback_seq, "at" = excluded."at";
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER attempt_live_insert AFTER INSERT ON attempt FOR EACH ROW EXECUTE FUNCTION team_change_touch();
--> statement-breakpoint
CREATE TRIGGER attempt_live_delete AFTER DELETE ON attempt FOR EACH ROW EXECUTE FUNCTION team_change_touch();
--> statement-breakpoint
CREATE TRIGGER attempt_live_update AFTER UPDATE ON attempt FOR EACH ROW EXECUTE FUNCTION team_change_touch();
--> statement-breakpoint
CREATE TRIGGER callback_live_insert AFTER INSERT ON callback FOR EACH ROW EXECUTE FUNCTION team_change_touch();
--> statement-breakpoint
CREATE TRIGGER callback_live_delete AFTER DELETE ON callback FOR EACH ROW EXECUTE FUNCTION team_change_touch();
--> statement-breakpoint
CREATE TRIGGER callback_live_update AFTER UPDATE ON callback FOR EACH ROW EXECUTE FUNCTION team_change_touch();
