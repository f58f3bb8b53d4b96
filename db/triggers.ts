// The triggers that keep derived tables in step with every write (stats_rollup: migration 0002
// on SQLite; day_generation: 0003; PostgreSQL: 0001_rollup_triggers). drizzle-kit knows nothing
// of triggers, and SQLite's table rebuilds drop them silently: migratePostgres checks this list
// after every run, db/schema-parity.test.ts checks SQLite's migrations against it.

export const EXPECTED_TRIGGERS = [
  { table: "attempt", name: "attempt_rollup_insert" },
  { table: "attempt", name: "attempt_rollup_delete" },
  { table: "attempt", name: "attempt_rollup_update" },
  { table: "attempt", name: "attempt_day_generation_insert" },
  { table: "attempt", name: "attempt_day_generation_delete" },
  { table: "attempt", name: "attempt_day_generation_update" },
  { table: "callback", name: "callback_day_generation_insert" },
  { table: "callback", name: "callback_day_generation_delete" },
  { table: "callback", name: "callback_day_generation_update" },
  // The live boards' change counter: migrations live_triggers on both engines.
  { table: "attempt", name: "attempt_live_insert" },
  { table: "attempt", name: "attempt_live_delete" },
  { table: "attempt", name: "attempt_live_update" },
  { table: "callback", name: "callback_live_insert" },
  { table: "callback", name: "callback_live_delete" },
  { table: "callback", name: "callback_live_update" },
] as const;

export type TriggerRef = { table: string; name: string };

/** Throws, naming them, when any expected trigger is absent from `present`. */
export function assertTriggersPresent(engine: string, present: readonly TriggerRef[]) {
  const have = new Set(present.map((t) => `${t.table}.${t.name}`));
  const missing = EXPECTED_TRIGGERS.filter((t) => !have.has(`${t.table}.${t.name}`)).map((t) => `${t.name} on ${t.table}`);
  if (missing.length) {
    throw new Error(
      `The ${engine} database lacks ${missing.length === 1 ? "a trigger" : "triggers"} the rollups and day generations depend on: ${missing.join(", ")}. ` +
        "Its migrations did not run whole; restore a backup or recreate the triggers from the migration that makes them.",
    );
  }
}
