import type { SQLiteTransactionConfig } from "drizzle-orm/sqlite-core";
import type { Db } from "./client";
import type { Tx } from "./types";

/** A write transaction's lock: the whole database's writer lock, or only one team's (`team`). */
export type WriteLock = SQLiteTransactionConfig & { team?: string };

/**
 * A write transaction that reads and writes one team's rows only: logging a dial or a callback,
 * from any path. On PostgreSQL it waits only for the same team's writers (and for the writers
 * that span teams, which still take the whole lock), so one team's busy floor does not queue
 * every other team's dials; on SQLite, whose file has one writer, it is a write transaction as
 * any other.
 */
export function teamTransaction<T>(db: Db, teamId: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  const lock: WriteLock = { behavior: "immediate", team: teamId };
  return db.transaction(work, lock);
}
