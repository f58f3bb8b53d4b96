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

export function resolveRep(rep: string | null, repPhone: string | null, directory: RepDirectory): string | null {
  const keys = [rep && foldIdentifier(rep), repPhone].filter((k): k is string => Boolean(k));
  for (const table of [directory.repMap, directory.remembered]) {
    for (const k of keys) {
      const found = table.get(k);
      if (found) return found;
    }
  }
  if (rep) {
    const byEmail = directory.byEmail.get(rep.trim().toLowerCase());
    if (byEmail) return byEmail;
    const byName = directory.byName.get(foldIdentifier(rep));
    if (byName) return byName;
  }
  if (repPhone) {
    const byPhone = directory.byPhone.get(repPhone);
    if (byPhone) return byPhone;
  }
  return directory.fallback;
}

/** How an unresolved row is listed: the identifier a --rep-map line would name. */
export const repIdentifierOf = (rep: string | null, repPhone: string | null) => rep ?? repPhone ?? "(no rep in the row)";
