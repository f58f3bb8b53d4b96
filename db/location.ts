// Where the database is: DATABASE_URL names a PostgreSQL database (postgres:// or postgresql://)
// or a SQLite file (a path, `file:path`, `:memory:`); unset, the SQLite file ./data/ringback.db.
// Any other scheme is refused rather than taken for a file name (a `mysql://…` URL once made a
// SQLite file inside a folder called `mysql:`).

export const DEFAULT_DATABASE_PATH = "./data/ringback.db";

export type DatabaseLocation = { engine: "sqlite"; file: string } | { engine: "postgres"; url: string };

const POSTGRES = /^postgres(ql)?:\/\//i;
// A scheme is letters then a colon; one letter is a Windows drive, not a scheme.
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

export class UnsupportedDatabaseUrl extends Error {}

export function databaseLocation(value: string | undefined = process.env.DATABASE_URL): DatabaseLocation {
  const url = value?.trim() || DEFAULT_DATABASE_PATH;
  if (POSTGRES.test(url)) return { engine: "postgres", url };
  if (url.startsWith("file:")) return { engine: "sqlite", file: url.slice("file:".length) };
  const scheme = SCHEME.exec(url);
  if (scheme && url !== ":memory:") {
    throw new UnsupportedDatabaseUrl(
      `DATABASE_URL uses the scheme "${scheme[1]}:", which Ringback does not run on. Use a postgres:// URL for PostgreSQL, or a file path (or file:path) for SQLite.`,
    );
  }
  return { engine: "sqlite", file: url };
}

/** The URL without its password, for messages and logs. */
export function describeLocation(location: DatabaseLocation): string {
  if (location.engine === "sqlite") return location.file;
  try {
    const url = new URL(location.url);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "PostgreSQL";
  }
}
