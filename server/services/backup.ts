import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { sqliteConnection, type Db } from "@/db/client";
import { backupPostgres } from "./backup-postgres";
import { Conflict, Invalid, NotFound } from "./errors";

// `ringback backup` / `ringback restore` (DESIGN.md, command-line tool). A backup is taken with
// SQLite's online backup API, so it is consistent while the app keeps writing; it is left as a
// single self-contained file (rollback journal, no -wal) that can be copied anywhere.

/** Files SQLite keeps beside a database; a stale one replayed onto another database corrupts it. */
const SIDECARS = ["-wal", "-shm", "-journal"];

function removeSidecars(file: string) {
  for (const suffix of SIDECARS) fs.rmSync(file + suffix, { force: true });
}

function removeWithSidecars(file: string) {
  fs.rmSync(file, { force: true });
  removeSidecars(file);
}

/** The lines of `PRAGMA integrity_check` that are not "ok". */
export function integrityProblems(sqlite: Database.Database): string[] {
  const rows = sqlite.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).filter((line) => line !== "ok");
}

/** Makes a finished copy self-contained and checks it, before it takes the place of anything. */
function sealCopy(file: string, describe: string) {
  const copy = new Database(file, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    const problems = integrityProblems(copy);
    if (problems.length) throw new Invalid(`${describe} fails its integrity check: ${problems[0]}`);
  } finally {
    copy.close();
  }
}

/** A consistent copy of the open database at `file` (replacing an older file there, atomically). */
export async function backupDatabase(db: Db, file: string) {
  if (db.$engine === "postgres") return backupPostgres(db.$location, file);
  const sqlite = sqliteConnection(db);
  const target = path.resolve(file);
  const source = sqlite.name === ":memory:" ? null : path.resolve(sqlite.name);
  if (source === target) throw new Invalid("A backup cannot overwrite the database it copies.");
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new Invalid(`${file} is a directory.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    await sqlite.backup(partial);
    sealCopy(partial, "The backup");
    // Sidecars of an older file at the target belong to that file, not to this backup.
    removeSidecars(target);
    fs.renameSync(partial, target);
  } finally {
    removeWithSidecars(partial);
  }
  return { file: target, bytes: fs.statSync(target).size };
}

/** Opens a file to restore from, refusing anything that is not an intact Ringback database. */
function openBackup(file: string) {
  let backup: Database.Database | null = null;
  try {
    backup = new Database(file, { readonly: true, fileMustExist: true });
    const problems = integrityProblems(backup);
    if (problems.length) throw new Invalid(`${file} fails its integrity check: ${problems[0]}`);
    const tables = new Set(
      (backup.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    if (!["organization", "attempt", "callback"].every((t) => tables.has(t))) throw new Invalid(`${file} is not a Ringback database.`);
    return backup;
  } catch (error) {
    backup?.close();
    if (error instanceof Invalid) throw error;
    throw new Invalid(`${file} is not a readable SQLite database (${(error as Error).message}).`);
  }
}

/**
 * Makes sure nobody is using the database about to be replaced, and folds its -wal back in.
 * Leaving WAL mode needs every other connection closed, so a running server is detected here
 * instead of having its files pulled from under it. A database too damaged to open is simply
 * replaced: that is often why one restores.
 */
function releaseTarget(file: string) {
  let current: Database.Database | null = null;
  try {
    current = new Database(file, { fileMustExist: true });
    current.pragma("busy_timeout = 0");
    current.pragma("journal_mode = DELETE");
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
      throw new Conflict(`The database at ${file} is in use (is the server running?); stop it before restoring.`);
    }
  } finally {
    current?.close();
  }
}

/**
 * Replaces the database at `target` with the backup at `source`, after checking the backup's
 * integrity. An existing database is only replaced with `force`; its stale -wal and -shm files
 * are removed so they can never be replayed onto the restored one.
 */
export async function restoreDatabase(source: string, target: string, options: { force?: boolean } = {}) {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (from === to) throw new Invalid("The backup and the database are the same file.");
  if (!fs.existsSync(from) || !fs.statSync(from).isFile()) throw new NotFound(`No backup file at ${source}.`);
  const backup = openBackup(from);
  try {
    const exists = fs.existsSync(to) || SIDECARS.some((s) => fs.existsSync(to + s));
    if (exists && !options.force) throw new Conflict(`A database already exists at ${target}; pass --force to replace it.`);
    if (fs.existsSync(to)) releaseTarget(to);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    const partial = `${to}.restoring-${process.pid}`;
    try {
      // The backup API (not a byte copy) also carries over anything still in the backup's own -wal.
      await backup.backup(partial);
      sealCopy(partial, "The restored copy");
      removeSidecars(to);
      fs.renameSync(partial, to);
    } finally {
      removeWithSidecars(partial);
    }
  } finally {
    backup.close();
  }
  return { file: to, bytes: fs.statSync(to).size };
}
