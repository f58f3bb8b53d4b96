-- The live boards' change counter (db/schema.ts teamChange): every write to a team's dials or
-- callbacks moves it in the writer's transaction, whichever path wrote it. Kept by hand, as
-- drizzle-kit knows nothing of triggers (db/triggers.ts lists them).
CREATE TRIGGER attempt_live_insert AFTER INSERT ON attempt BEGIN
INSERT INTO team_change (team_id, seq, dial_seq, callback_seq, at) VALUES (NEW.team_id, 1, 1, 0, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (team_id) DO UPDATE SET seq = seq + 1, dial_seq = dial_seq + 1, at = excluded.at;
END;
--> statement-breakpoint
CREATE TRIGGER attempt_live_delete AFTER DELETE ON attempt BEGIN
INSERT INTO team_change (team_id, seq, dial_seq, callback_seq, at) VALUES (OLD.team_id, 1, 1, 0, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (team_id) DO UPDATE SET seq = seq + 1, dial_seq = dial_seq + 1, at = excluded.at;
END;
--> statement-breakpoint
CREATE TRIGGER attempt_live_update AFTER UPDATE ON attempt BEGIN
INSERT INTO team_change (team_id, seq, dial_seq, callback_seq, at) VALUES (NEW.team_id, 1, 1, 0, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (team_id) DO UPDATE SET seq = seq + 1, dial_seq = dial_seq + 1, at = excluded.at;
END;
--> statement-breakpoint
CREATE TRIGGER callback_live_insert AFTER INSERT ON callback BEGIN
INSERT INTO team_change (team_id, seq, callback_seq, dial_seq, at) VALUES (NEW.team_id, 1, 1, 0, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (team_id) DO UPDATE SET seq = seq + 1, callback_seq = callback_seq + 1, at = excluded.at;
END;
--> statement-breakpoint
CREATE TRIGGER callback_live_delete AFTER DELETE ON callback BEGIN
INSERT INTO team_change (team_id, seq, callback_seq, dial_seq, at) VALUES (OLD.team_id, 1, 1, 0, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (team_id) DO UPDATE SET seq = seq + 1, callback_seq = callback_seq + 1, at = excluded.at;
END;
--> statement-breakpoint
CREATE TRIGGER callback_live_update AFTER UPDATE ON callback BEGIN
INSERT INTO team_change (team_id, seq, callback_seq, dial_seq, at) VALUES (NEW.team_id, 1, 1, 0, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
  ON CONFLICT (team_id) DO UPDATE SET seq = seq + 1, callback_seq = callback_seq + 1, at = excluded.at;
END;
