// Driver errors the services act on, recognised on both engines: better-sqlite3 throws its
// SqliteError with a string code; node-postgres's DatabaseError carries the SQLSTATE, and Drizzle
// wraps it (as `cause`) in its DrizzleQueryError.

const codesOf = (error: unknown): unknown[] => {
  const codes: unknown[] = [];
  for (let e = error, depth = 0; typeof e === "object" && e !== null && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ("code" in e) codes.push((e as { code: unknown }).code);
  }
  return codes;
};

/** A UNIQUE or PRIMARY KEY constraint refused the write. */
export const isUniqueViolation = (error: unknown) =>
  codesOf(error).some((code) => code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505");
