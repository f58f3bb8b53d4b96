import { sql } from "drizzle-orm";
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import { openDatabase } from "@/db/client";
import type { AppRouter } from "@/server/routers/_app";
import { createScript } from "@/server/services/scripts";
import { addUserToTeam, createTeamWithOwner } from "@/server/services/members";
import { TRUST_PASSWORD } from "./team";

// Several server processes over one database, on either engine: the team is written through the
// services at a SQLite file or a postgres:// URL alike, and the stored rows read back the same way.

/** prepareTeam (./team.ts) for a database at any location: a team with `reps` reps and one script. */
export async function prepareTeamAt(location: string, reps: number, domain = "trust.test") {
  const db = await openDatabase(location);
  try {
    const team = await createTeamWithOwner(db, { name: "Trust Co", ownerEmail: `owner@${domain}`, ownerPassword: TRUST_PASSWORD });
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
    return { teamId: team.id, slug: team.slug, emails, scriptId: script.id };
  } finally {
    await db.$close();
  }
}

/** Every attempt and callback id stored at `location`. */
export async function storedWriteIds(location: string) {
  const db = await openDatabase(location);
  try {
    const ids = async (table: "attempt" | "callback") =>
      ((await db.all(sql.raw(`select id from ${table}`))) as { id: number }[]).map((row) => Number(row.id));
    return { attempts: new Set(await ids("attempt")), callbacks: new Set(await ids("callback")) };
  } finally {
    await db.$close();
  }
}

/** A typed client on `baseUrl` carrying a session cookie obtained anywhere (another process's sign-in). */
export const clientWithCookie = (baseUrl: string, cookie: string) =>
  createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, headers: { cookie, origin: baseUrl } })],
  });
