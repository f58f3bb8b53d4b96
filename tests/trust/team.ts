import { openDatabase } from "@/db/client";
import { createScript } from "@/server/services/scripts";
import { addUserToTeam, createTeamWithOwner } from "@/server/services/members";

export const TRUST_PASSWORD = "trust-suite-password";

/**
 * A team with `reps` reps and one script, written straight through the services before the server
 * starts, at a SQLite file or a postgres:// URL. Its people are owner@DOMAIN and repN@DOMAIN (several
 * teams in one database: one domain each).
 */
export async function prepareTeam(location: string, reps: number, { name = "Trust Co", domain = "trust.test" } = {}) {
  const db = await openDatabase(location);
  const team = await createTeamWithOwner(db, { name, ownerEmail: `owner@${domain}`, ownerPassword: TRUST_PASSWORD });
  const emails: string[] = [];
  for (let i = 1; i <= reps; i++) {
    const email = `rep${i}@${domain}`;
    await addUserToTeam(db, { teamSlug: team.slug, email, name: `Rep ${i}`, role: "rep", password: TRUST_PASSWORD });
    emails.push(email);
  }
  const script = await createScript(db, { userId: team.owner.id, teamId: team.id, role: "owner" }, {
    title: "Trust script",
    stage: "any",
    body: "Hi {prospect.firstName}, it's {rep.name} at {rep.phone}.",
    shared: true,
  });
  await db.$close();
  return { teamId: team.id, slug: team.slug, ownerEmail: `owner@${domain}`, emails, scriptId: script.id };
}
