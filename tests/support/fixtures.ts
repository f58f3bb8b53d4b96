import { TRPCError } from "@trpc/server";
// Service-test helpers: a fresh migrated database per test file, users and teams made through the
// same services the app uses, and tRPC callers built from the inner context (no HTTP, no mocks).
import { sql } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/client";
import { user } from "@/db/schema";
import type { Role } from "@/lib/vocabulary";
import { createCaller } from "@/server/routers/_app";
import { newId } from "@/server/services/ids";
import { addMember, createTeam } from "@/server/services/teams";
import { createInnerContext, type SignedInUser } from "@/server/trpc";
import { freshPostgresDatabase } from "./postgres-databases";

export type Caller = ReturnType<typeof createCaller>;

/**
 * A private, migrated database: `:memory:` SQLite, or — in the PostgreSQL run (RINGBACK_TEST_POSTGRES,
 * set by tests/support/postgres-setup.ts) — a fresh database cloned from the migrated template.
 */
export async function openTestDatabase(): Promise<Db> {
  return openDatabase(process.env.RINGBACK_TEST_POSTGRES ? await freshPostgresDatabase(process.env.RINGBACK_TEST_POSTGRES) : ":memory:");
}

let userCounter = 0;

/**
 * A user row as better-auth would store it, its address verified unless told otherwise. Inserted directly rather than through
 * services/users.createUser: no password is needed (callers skip sign-in), and hashing is slow.
 */
export async function makeUser(db: Db, given?: string, email?: string, { verified = true } = {}): Promise<SignedInUser> {
  // A serial of its own per user, so two users given the same name still get distinct addresses.
  const serial = ++userCounter;
  const name = given ?? `User ${serial}`;
  const id = newId();
  const address = (email ?? `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}.${serial}@example.test`).toLowerCase();
  await db.insert(user).values({ id, name, email: address, emailVerified: verified }).run();
  return { id, name, email: address };
}

/** A caller acting as `who` with `teamId` as the session's active team; `null` is signed out. */
export function callerFor(db: Db, who: SignedInUser | null, teamId: string | null = null): Caller {
  return createCaller(createInnerContext({ db, user: who, sessionId: null, activeTeamId: teamId }));
}

export type TeamMember = { user: SignedInUser; caller: Caller };

export type TestTeam = {
  id: string;
  slug: string;
  owner: TeamMember;
  /** Adds a member with `role` and returns them with a caller bound to this team. */
  join(role: Role, name?: string): Promise<TeamMember>;
};

/** A team created by services/teams.createTeam, its owner a fresh user. */
export async function makeTeam(db: Db, name = "Team", ownerName = `${name} Owner`): Promise<TestTeam> {
  const owner = await makeUser(db, ownerName);
  const team = await createTeam(db, owner.id, { name, timezone: "America/New_York" });
  return {
    id: team.id,
    slug: team.slug,
    owner: { user: owner, caller: callerFor(db, owner, team.id) },
    async join(role, memberName = `${name} ${role} ${userCounter + 1}`) {
      const joined = await makeUser(db, memberName);
      await addMember(db, team.id, joined.id, role);
      return { user: joined, caller: callerFor(db, joined, team.id) };
    },
  };
}

/** Row counts of the tables a write could touch, to show a rejected write changed nothing. */
export async function rowCounts(db: Db) {
  const tables = ["prospect", "attempt", "callback", "script", "script_version", "script_tag", "member", "invitation"];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await db.get<{ n: number }>(sql.raw(`select count(*) as n from "${table}"`)))!.n);
  return counts;
}

/** The fixed instant service tests log from, and minutes after it. */
export const t0 = new Date("2025-03-03T14:00:00Z");
export const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** The tRPC code a rejected call carries (fails the test when the call succeeds or throws something else). */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) throw new Error(`expected a TRPCError, got ${error === null ? "success" : String(error)}`);
  return error.code;
}

/** The Cookie header a browser would send back after `response` (a sign-in's Set-Cookie lines). */
export const cookieHeader = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
