import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { displayLink, organization, user } from "@/db/schema";
import type { Actor } from "./actor";
import { NotFound } from "./errors";

// The sales floor's read-only display links (issue 14): a manager makes one for a wall display
// and can revoke it. The token is shown once; only its SHA-256 is stored (a token is 192 random
// bits, so a fast hash is enough: nobody guesses one to try against it).

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** Where a display link opens. */
export const floorPath = (token: string) => `/floor/${token}`;

export async function createDisplayLink(db: Db, actor: Actor, input: { name: string }) {
  const token = randomBytes(24).toString("base64url");
  const row = await db
    .insert(displayLink)
    .values({ teamId: actor.teamId, name: input.name, tokenHash: hashOf(token), createdById: actor.userId })
    .returning({ id: displayLink.id, name: displayLink.name })
    .get();
  return { ...row, path: floorPath(token) };
}

export function listDisplayLinks(db: Db, actor: Actor) {
  return db
    .select({ id: displayLink.id, name: displayLink.name, createdAt: displayLink.createdAt, createdBy: user.name })
    .from(displayLink)
    .innerJoin(user, eq(user.id, displayLink.createdById))
    .where(and(eq(displayLink.teamId, actor.teamId), isNull(displayLink.revokedAt)))
    .orderBy(desc(displayLink.id))
    .all();
}

export async function revokeDisplayLink(db: Db, actor: Actor, id: number) {
  const revoked = await db
    .update(displayLink)
    .set({ revokedAt: new Date() })
    .where(and(eq(displayLink.id, id), eq(displayLink.teamId, actor.teamId), isNull(displayLink.revokedAt)))
    .returning({ id: displayLink.id })
    .get();
  if (!revoked) throw new NotFound("No such display link.");
  return revoked;
}

export type DisplayLinkState = { state: "unknown" } | { state: "revoked" } | { state: "open"; id: number; teamId: string; teamName: string; name: string };

/** What a display link opens, from its token: no session is involved. */
export async function displayLinkByToken(db: Db, token: string): Promise<DisplayLinkState> {
  if (token.length > 100) return { state: "unknown" };
  const row = await db
    .select({ id: displayLink.id, teamId: displayLink.teamId, name: displayLink.name, revokedAt: displayLink.revokedAt, teamName: organization.name })
    .from(displayLink)
    .innerJoin(organization, eq(organization.id, displayLink.teamId))
    .where(eq(displayLink.tokenHash, hashOf(token)))
    .get();
  if (!row) return { state: "unknown" };
  if (row.revokedAt) return { state: "revoked" };
  return { state: "open", id: row.id, teamId: row.teamId, teamName: row.teamName, name: row.name };
}

/**
 * Who a display reads the board as: nobody of the team, so no one's private drafts show, and a
 * rep's view, the least any member sees.
 */
export const displayActor = (link: { id: number; teamId: string }): Actor => ({ userId: `display-link:${link.id}`, teamId: link.teamId, role: "rep" });
