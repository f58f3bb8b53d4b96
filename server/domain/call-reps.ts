// Which member a row of another tool's call log is credited to (History issue, "Reps"): in
// order, the file's --rep-map, the mapping the team remembered for the source, a member's e-mail,
// a member's name (when only one member has it), a member's own phone equal to the calling
// number, then --rep. Pure: the directory is built by the service.

/** Case and spaces do not tell two names (or ids) apart: "Maya  Lopez" is "maya lopez". */
export const foldIdentifier = (text: string) => text.toLowerCase().replace(/\s+/g, "");

export type RepDirectory = {
  /** Folded identifier (or E.164 number) → user id. */
  repMap: ReadonlyMap<string, string>;
  remembered: ReadonlyMap<string, string>;
  byEmail: ReadonlyMap<string, string>;
  /** Folded name → user id, or null when two members share the name. */
  byName: ReadonlyMap<string, string | null>;
  /** A member's own phone (E.164) → user id. */
  byPhone: ReadonlyMap<string, string>;
  fallback: string | null;
};

/** How rows naming no rep and no calling number are listed; a mapping of it credits them all. */
export const NO_REP_IDENTIFIER = "(no rep in the row)";

/** Which step of the order found the rep: the page says it beside the member ("remembered"). */
export type RepResolution = { userId: string; via: "map" | "remembered" | "email" | "name" | "phone" | "rep" };

export function repResolution(rep: string | null, repPhone: string | null, directory: RepDirectory): RepResolution | null {
  const keys = [rep && foldIdentifier(rep), repPhone].filter((k): k is string => Boolean(k));
  if (!keys.length) keys.push(foldIdentifier(NO_REP_IDENTIFIER));
  for (const [table, via] of [
    [directory.repMap, "map"],
    [directory.remembered, "remembered"],
  ] as const) {
    for (const k of keys) {
      const found = table.get(k);
      if (found) return { userId: found, via };
    }
  }
  if (rep) {
    const byEmail = directory.byEmail.get(rep.trim().toLowerCase());
    if (byEmail) return { userId: byEmail, via: "email" };
    const byName = directory.byName.get(foldIdentifier(rep));
    if (byName) return { userId: byName, via: "name" };
  }
  if (repPhone) {
    const byPhone = directory.byPhone.get(repPhone);
    if (byPhone) return { userId: byPhone, via: "phone" };
  }
  return directory.fallback ? { userId: directory.fallback, via: "rep" } : null;
}

export const resolveRep = (rep: string | null, repPhone: string | null, directory: RepDirectory): string | null => repResolution(rep, repPhone, directory)?.userId ?? null;

/** How an unresolved row is listed: the identifier a --rep-map line would name. */
export const repIdentifierOf = (rep: string | null, repPhone: string | null) => rep ?? repPhone ?? NO_REP_IDENTIFIER;
