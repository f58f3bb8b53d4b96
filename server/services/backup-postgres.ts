import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { Conflict, Invalid, NotFound } from "./errors";

// `ringback backup` / `restore` on PostgreSQL: pg_dump's custom format, taken from one snapshot
// (pg_dump runs in a single REPEATABLE READ transaction, so the app keeps writing meanwhile), and
// pg_restore into an empty database. Both must be on the PATH (Debian: postgresql-client).

const run = promisify(execFile);

async function tool(name: "pg_dump" | "pg_restore" | "psql", args: string[]) {
  try {
    return await run(name, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") throw new Invalid(`${name} is not on the PATH; install PostgreSQL's client tools (Debian: postgresql-client).`);
    throw new Invalid(`${name} failed: ${(e.stderr ?? e.message).trim().split("\n")[0]}`);
  }
}

/** A consistent dump of the database at `url` to `file` (replacing an older file there, atomically). */
export async function backupPostgres(url: string, file: string) {
  const target = path.resolve(file);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new Invalid(`${file} is a directory.`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    await tool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`, url]);
    // The dump's table of contents must read back before it replaces anything.
    await tool("pg_restore", ["--list", partial]);
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file: target, bytes: fs.statSync(target).size };
}

/** Restores a pg_dump backup into the database at `url`, which must be empty unless `force`. */
export async function restorePostgres(source: string, url: string, options: { force?: boolean } = {}) {
  const from = path.resolve(source);
  if (!fs.existsSync(from) || !fs.statSync(from).isFile()) throw new NotFound(`No backup file at ${source}.`);
  const listing = await tool("pg_restore", ["--list", from]).catch(() => {
    throw new Invalid(`${source} is not a PostgreSQL backup made by \`ringback backup\`.`);
  });
  if (!/TABLE public attempt /.test(listing.stdout)) throw new Invalid(`${source} is not a Ringback database backup.`);
  const tables = await tool("psql", ["-XAtc", "select count(*) from pg_tables where schemaname in ('public', 'drizzle')", url]);
  const hasTables = Number(tables.stdout.trim()) > 0;
  if (hasTables && !options.force) throw new Conflict("The target PostgreSQL database is not empty; pass --force to replace its contents.");
  const args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${url}`];
  if (hasTables) args.unshift("--clean", "--if-exists");
  await tool("pg_restore", [...args, from]);
  return { file: url, bytes: fs.statSync(from).size };
}
