import crypto from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKey, member, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { createApiKeyInput, type CreateApiKeyInput } from "@/lib/inputs/api-keys";
import { ROLE_RANK, type Role } from "@/lib/vocabulary";
import { isManager, type Actor } from "./actor";
import { Forbidden, NotFound } from "./errors";

// Team API keys (issue 14). better-auth's API-key plugin (@better-auth/api-key) was not used: its
// keys belong to a user or an organization, not to a member of a team with a role capped at its
// creator's current role, it verifies through better-auth's endpoint layer with its own rate
// limiter, and its table would be one more hand-written auth schema (STACK-NOTES.md). This is a
// table, a hash and four functions.

export const KEY_PREFIX = "rbk_";
/** `rbk_` and the first 8 characters of the secret: enough to tell a team's keys apart, nothing to guess with. */
const SHOWN_LENGTH = KEY_PREFIX.length + 8;
/** A key's last use is written at most this often: every request would otherwise be a write. */
export const LAST_USED_RESOLUTION_MS = 60_000;

const hashOf = (key: string) => crypto.createHash("sha256").update(key).digest("hex");
const lowerRole = (a: Role, b: Role): Role => (ROLE_RANK[a] <= ROLE_RANK[b] ? a : b);

function requireManager(actor: Actor) {
  if (!isManager(actor)) throw new Forbidden("Managers only.");
}

/** Makes a key for the actor's team; the plain key is in the answer and nowhere else, ever. */
export async function createApiKey(db: Db, actor: Actor, input: CreateApiKeyInput) {
  requireManager(actor);
  const { name, role } = createApiKeyInput.parse(input);
  if (ROLE_RANK[role] > ROLE_RANK[actor.role]) throw new Forbidden("A key cannot have a higher role than yours.");
  // base64url of 32 random bytes: 43 characters, 256 bits.
  const key = `${KEY_PREFIX}${crypto.randomBytes(32).toString("base64url")}`;
  const row = await db
    .insert(apiKey)
    .values({ teamId: actor.teamId, name, prefix: key.slice(0, SHOWN_LENGTH), keyHash: hashOf(key), role, createdById: actor.userId })
    .returning({ id: apiKey.id, prefix: apiKey.prefix, name: apiKey.name, role: apiKey.role, createdAt: apiKey.createdAt })
    .get();
  return { ...row!, key };
}

/** The team's keys, newest first, revoked ones included (marked); never a key or its hash. */
export async function listApiKeys(db: Queryable, actor: Actor) {
  requireManager(actor);
  return db
    .select({
      id: apiKey.id,
      prefix: apiKey.prefix,
      name: apiKey.name,
      role: apiKey.role,
      createdByName: user.name,
      createdByEmail: user.email,
      createdAt: apiKey.createdAt,
      lastUsedAt: apiKey.lastUsedAt,
      revokedAt: apiKey.revokedAt,
    })
    .from(apiKey)
    .innerJoin(user, eq(user.id, apiKey.createdById))
    .where(eq(apiKey.teamId, actor.teamId))
    .orderBy(desc(apiKey.createdAt), desc(apiKey.id))
    .all();
}

/** Revokes one of the team's keys, by id or by its shown prefix; revoking twice changes nothing. */
export async function revokeApiKey(db: Db, actor: Actor, which: { id: number } | { prefix: string }, now: Date = new Date()) {
  requireManager(actor);
  const match = "id" in which ? eq(apiKey.id, which.id) : eq(apiKey.prefix, which.prefix.trim());
  const row = await db.select({ id: apiKey.id, prefix: apiKey.prefix, revokedAt: apiKey.revokedAt }).from(apiKey).where(and(eq(apiKey.teamId, actor.teamId), match)).get();
  if (!row) throw new NotFound("API key not found.");
  if (row.revokedAt) return { id: row.id, prefix: row.prefix, revokedAt: row.revokedAt };
  await db.update(apiKey).set({ revokedAt: now }).where(eq(apiKey.id, row.id)).run();
  return { id: row.id, prefix: row.prefix, revokedAt: now };
}

/**
 * The actor a bearer key acts as, or null: an unknown or revoked key, or one whose creator has
 * left the team. The key's role is capped at the creator's role now, so demoting the creator
 * demotes their keys. Found by hash, so no comparison runs over secrets at all.
 */
export async function authenticateApiKey(db: Db, bearerToken: string, now: Date = new Date()): Promise<(Actor & { keyId: number }) | null> {
  if (!bearerToken.startsWith(KEY_PREFIX) || bearerToken.length > 200) return null;
  const row = await db
    .select({ id: apiKey.id, teamId: apiKey.teamId, role: apiKey.role, userId: apiKey.createdById, memberRole: member.role, lastUsedAt: apiKey.lastUsedAt })
    .from(apiKey)
    .innerJoin(member, and(eq(member.organizationId, apiKey.teamId), eq(member.userId, apiKey.createdById)))
    .where(and(eq(apiKey.keyHash, hashOf(bearerToken)), isNull(apiKey.revokedAt)))
    .get();
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.update(apiKey).set({ lastUsedAt: now }).where(eq(apiKey.id, row.id)).run();
  }
  return { keyId: row.id, userId: row.userId, teamId: row.teamId, role: lowerRole(row.role, row.memberRole) };
}
