import type Database from "better-sqlite3";

// Turning a file to WAL needs it to itself for a moment. When several processes open a new file
// at once (N server workers, their budgets' file), SQLite answers some of them SQLITE_BUSY at
// once, without the busy timeout: each holds a read lock the other's switch waits for. They
// let go between tries, so a short retry lets every one through.

const TRY_FOR_MS = 5_000;
const PAUSE_MS = 10;

/** `journal_mode = WAL` on `connection`, retried while another process is switching the same file. */
export function turnToWal(connection: Database.Database) {
  const deadline = Date.now() + TRY_FOR_MS;
  for (;;) {
    try {
      connection.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== "SQLITE_BUSY" || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, PAUSE_MS);
    }
  }
}
