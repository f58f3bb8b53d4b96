import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { session, user } from "@/db/schema";

export type StoredSession = {
  id: string;
  expiresAt: Date;
  activeTeamId: string | null;
  user: { id: string; name: string; email: string };
};

const sessionQuery = (db: Db) =>
  db
    .select({
      id: session.id,
      expiresAt: session.expiresAt,
      activeTeamId: session.activeOrganizationId,
      userId: user.id,
      name: user.name,
      email: user.email,
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(eq(session.token, sql.placeholder("token")))
    .prepare();

// Built once per database: it runs on every request.
const prepared = new WeakMap<Db, ReturnType<typeof sessionQuery>>();

/** The session row holding this token, with its user: what better-auth reads when its cookie cache is cold. */
export async function sessionByToken(db: Db, token: string): Promise<StoredSession | null> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = sessionQuery(db)));
  const row = await query.get({ token });
  if (!row) return null;
  return { id: row.id, expiresAt: row.expiresAt, activeTeamId: row.activeTeamId, user: { id: row.userId, name: row.name, email: row.email } };
}
