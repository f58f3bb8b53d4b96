import crypto from "node:crypto";
import { and, asc, count, eq, gt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { syncTeamZone } from "@/db/rollups";
import { invitation, member, organization, prospect, session, user } from "@/db/schema";
import type { Queryable } from "@/db/types";
import { ROLE_RANK, ROLES, type Role } from "@/lib/vocabulary";
import type { ChangeRoleInput, CreateTeamInput, InviteInput, TeamSettingsInput } from "@/lib/inputs/teams";
import { isManager, type Actor } from "./actor";
import { reattributeProspects } from "./attribution-batch";
import { Conflict, Forbidden, Invalid, NotFound, TooMany } from "./errors";
import { newId } from "./ids";
import { recordRoleChange } from "./role-changes";

const INVITE_LIFETIME_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;

// Floods (one manager sent 300 invites in 0.8 s; team creation had no bound). Generous for a
// real team's onboarding day, and each limit says in its message what it is.
export const INVITES_PER_USER_PER_HOUR = 30;
export const PENDING_INVITES_PER_TEAM = 200;
export const TEAMS_PER_USER_PER_DAY = 5;

/** A session that still exists and has not expired, with its active team; null otherwise. */
export async function liveSession(db: Queryable, sessionId: string, userId: string, now: Date = new Date()) {
  const row = await db
    .select({ activeTeamId: session.activeOrganizationId, expiresAt: session.expiresAt })
    .from(session)
    .where(and(eq(session.id, sessionId), eq(session.userId, userId)))
    .get();
  return row && row.expiresAt > now ? { activeTeamId: row.activeTeamId } : null;
}

/** The caller's membership in the session's active team, else in their oldest team. */
export async function resolveMembership(db: Queryable, userId: string, activeTeamId: string | null) {
  const memberships = await db
    .select({ teamId: member.organizationId, role: member.role })
    .from(member)
    .where(eq(member.userId, userId))
    .orderBy(asc(member.createdAt))
    .all();
  return memberships.find((m) => m.teamId === activeTeamId) ?? memberships[0] ?? null;
}

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return base || "team";
}

/**
 * The name plus a random suffix, always: a suffix added only on a clash (`acme-2`) would tell
 * the creator that some other team already has that name.
 */
async function uniqueSlug(db: Queryable, name: string): Promise<string> {
  const base = slugify(name);
  for (;;) {
    const candidate = `${base}-${crypto.randomBytes(3).toString("hex")}`;
    if (!await db.select({ id: organization.id }).from(organization).where(eq(organization.slug, candidate)).get()) return candidate;
  }
}

export function isValidTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

async function insertTeam(tx: Queryable, userId: string, input: CreateTeamInput, sessionId: string | null) {
  const id = newId();
  const slug = await uniqueSlug(tx, input.name);
  await tx.insert(organization).values({ id, name: input.name.trim(), slug, timezone: input.timezone }).run();
  await syncTeamZone(tx, id, input.timezone);
  await tx.insert(member).values({ id: newId(), organizationId: id, userId, role: "owner" }).run();
  if (sessionId) await tx.update(session).set({ activeOrganizationId: id }).where(eq(session.id, sessionId)).run();
  return { id, slug, name: input.name.trim() };
}

/** A new team with its creator as owner; the session (if any) switches to it. The CLI and seed make teams this way. */
export async function createTeam(db: Db, userId: string, input: CreateTeamInput, sessionId: string | null = null) {
  if (!isValidTimezone(input.timezone)) throw new Invalid(`Unknown time zone: ${input.timezone}`);
  return db.transaction(async (tx) => insertTeam(tx, userId, input, sessionId));
}

/** A team a signed-in user creates for themselves: at most TEAMS_PER_USER_PER_DAY a day. */
export async function createOwnTeam(db: Db, userId: string, input: CreateTeamInput, sessionId: string | null, now = Date.now()) {
  if (!isValidTimezone(input.timezone)) throw new Invalid(`Unknown time zone: ${input.timezone}`);
  return db.transaction(async (tx) => {
    const [{ created }] = await tx
      .select({ created: count() })
      .from(member)
      .where(and(eq(member.userId, userId), eq(member.role, "owner"), gt(member.createdAt, new Date(now - 24 * HOUR_MS))))
      .all();
    if (created >= TEAMS_PER_USER_PER_DAY) throw new TooMany(`You can create at most ${TEAMS_PER_USER_PER_DAY} teams a day. Try again tomorrow.`);
    return insertTeam(tx, userId, input, sessionId);
  });
}

export async function teamBySlug(db: Queryable, slug: string) {
  const team = await db.select().from(organization).where(eq(organization.slug, slug)).get();
  if (!team) throw new NotFound(`No team with slug ${slug}.`);
  return team;
}

export async function getTeam(db: Queryable, teamId: string) {
  const team = await db.select().from(organization).where(eq(organization.id, teamId)).get();
  if (!team) throw new NotFound("Team not found.");
  return team;
}

export async function listMyTeams(db: Queryable, userId: string) {
  return db
    .select({ id: organization.id, name: organization.name, slug: organization.slug, role: member.role })
    .from(member)
    .innerJoin(organization, eq(organization.id, member.organizationId))
    .where(eq(member.userId, userId))
    .orderBy(asc(member.createdAt))
    .all();
}

export async function switchTeam(db: Db, userId: string, sessionId: string, teamId: string) {
  const isMember = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.userId, userId), eq(member.organizationId, teamId)))
    .get();
  if (!isMember) throw new NotFound("Team not found.");
  await db.update(session).set({ activeOrganizationId: teamId }).where(and(eq(session.id, sessionId), eq(session.userId, userId))).run();
}

export async function updateTeamSettings(db: Db, actor: Actor, input: TeamSettingsInput) {
  if (input.timezone && !isValidTimezone(input.timezone)) throw new Invalid(`Unknown time zone: ${input.timezone}`);
  // Every field is optional: an input with none of them (or only unknown ones) changes nothing.
  if (Object.values(input).every((v) => v === undefined)) return getTeam(db, actor.teamId);
  await db.transaction(async (tx) => {
    const before = await getTeam(tx, actor.teamId);
    await tx.update(organization).set(input).where(eq(organization.id, actor.teamId)).run();
    // Rollup days are local days: a new zone moves voicemails between days, so they are recounted.
    if (input.timezone && input.timezone !== before.timezone) await syncTeamZone(tx, actor.teamId, input.timezone);
    // The window decides which voicemail each callback credits, so every stored credit is
    // recomputed with the new one before anyone can read a rate computed with the old.
    if (input.attributionWindowDays !== undefined && input.attributionWindowDays !== before.attributionWindowDays) {
      const prospects = await tx.select({ id: prospect.id }).from(prospect).where(eq(prospect.teamId, actor.teamId)).all();
      await reattributeProspects(tx, actor.teamId, prospects.map((p) => p.id));
    }
  });
  return getTeam(db, actor.teamId);
}

/** The team's members; `canRemove` mirrors removeMember's rules (and spares the caller's own row). */
export async function listMembers(db: Queryable, actor: Actor) {
  const rows = await db
    .select({
      memberId: member.id,
      userId: user.id,
      name: user.name,
      email: user.email,
      role: member.role,
      phone: member.phone,
      wordsPerMinute: member.wordsPerMinute,
    })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(eq(member.organizationId, actor.teamId))
    .orderBy(asc(user.name))
    .all();
  const owners = rows.filter((m) => m.role === "owner").length;
  return rows.map((m) => ({
    ...m,
    canRemove:
      isManager(actor) && m.userId !== actor.userId && (m.role !== "owner" || (actor.role === "owner" && owners > 1)),
    // changeRole's rules, for the role picker; nobody changes their own role from the list.
    assignableRoles: (!isManager(actor) || m.userId === actor.userId
      ? []
      : actor.role === "owner"
        ? m.role === "owner" && owners <= 1
          ? []
          : ROLES
        : m.role === "owner"
          ? []
          : ROLES.filter((r) => r !== "owner")) as readonly Role[],
  }));
}

/** Adds an existing user to a team directly (CLI `user add`, demo seed). */
export async function addMember(db: Queryable, teamId: string, userId: string, role: Role, phone: string | null = null) {
  const existing = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, teamId), eq(member.userId, userId)))
    .get();
  if (existing) throw new Conflict("That user is already a member of this team.");
  const id = newId();
  await db.insert(member).values({ id, organizationId: teamId, userId, role, phone }).run();
  return id;
}

/** A membership of the actor's team by its id; another team's is NotFound, like any unknown id. */
async function memberOfTeam(db: Queryable, actor: Actor, memberId: string) {
  const target = await db
    .select({ id: member.id, userId: member.userId, role: member.role, name: user.name })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.id, memberId), eq(member.organizationId, actor.teamId)))
    .get();
  if (!target) throw new NotFound("Member not found.");
  return target;
}

/** Refuses to take away the team's last owner. */
async function keepAnOwner(db: Queryable, teamId: string) {
  const owners = (await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, teamId), eq(member.role, "owner")))
    .all()).length;
  if (owners <= 1) throw new Conflict("A team keeps at least one owner: make someone else owner first.");
}

/**
 * Removes someone from the team (DESIGN.md: deleting a member keeps their history under their
 * name). Only the membership goes: the user row their dials, callbacks, scripts and prospects
 * point at stays, so leaderboards and timelines keep showing their name, and re-adding them later
 * reattaches everything. Access ends at once, because every procedure resolves the membership on
 * each request; sessions parked on this team are moved off it in the same transaction.
 */
export async function removeMember(db: Db, actor: Actor, memberId: string) {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners can remove members.");
  return db.transaction(async (tx) => {
    const target = await memberOfTeam(tx, actor, memberId);
    if (target.role === "owner" && actor.role !== "owner") throw new Forbidden("Only an owner can remove an owner.");
    if (target.role === "owner") await keepAnOwner(tx, actor.teamId);
    await tx.delete(member).where(eq(member.id, target.id)).run();
    await tx.update(session)
      .set({ activeOrganizationId: null })
      .where(and(eq(session.userId, target.userId), eq(session.activeOrganizationId, actor.teamId)))
      .run();
    return { memberId: target.id, userId: target.userId, name: target.name };
  });
}

/**
 * Gives a member another role. Managers move people between rep and manager; only an owner
 * makes or unmakes an owner, and the last owner stays one. No session carries the role: every
 * procedure resolves the membership per request, so the change holds from the member's next one.
 * Every change, and every Undo (`undo: true`), goes into the team's role trail in the same transaction.
 */
export async function changeRole(db: Db, actor: Actor, input: ChangeRoleInput) {
  if (!isManager(actor)) throw new Forbidden("Only managers and owners change roles.");
  return db.transaction(async (tx) => {
    const target = await memberOfTeam(tx, actor, input.memberId);
    if (target.role === input.role) return { ...target, previousRole: target.role };
    if ((target.role === "owner" || input.role === "owner") && actor.role !== "owner") throw new Forbidden("Only an owner can make or unmake an owner.");
    if (target.role === "owner") await keepAnOwner(tx, actor.teamId);
    await tx.update(member).set({ role: input.role }).where(eq(member.id, target.id)).run();
    await recordRoleChange(tx, actor, { memberUserId: target.userId, fromRole: target.role, toRole: input.role, undo: input.undo ?? false });
    return { ...target, role: input.role, previousRole: target.role };
  });
}

/** An invite link for an email address and role; nobody can grant a role above their own. */
export async function createInvite(db: Db, actor: Actor, input: InviteInput) {
  if (ROLE_RANK[input.role] > ROLE_RANK[actor.role]) {
    throw new Forbidden(`A ${actor.role} cannot invite a ${input.role}.`);
  }
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const alreadyMember = await tx
      .select({ id: member.id })
      .from(member)
      .innerJoin(user, eq(user.id, member.userId))
      .where(and(eq(member.organizationId, actor.teamId), eq(user.email, email)))
      .get();
    if (alreadyMember) throw new Conflict(`${email} is already a member of this team.`);
    const [{ sentLastHour }] = await tx
      .select({ sentLastHour: count() })
      .from(invitation)
      .where(and(eq(invitation.inviterId, actor.userId), gt(invitation.createdAt, new Date(Date.now() - HOUR_MS))))
      .all();
    if (sentLastHour >= INVITES_PER_USER_PER_HOUR) {
      throw new TooMany(`You can send at most ${INVITES_PER_USER_PER_HOUR} invites an hour. Try again later.`);
    }
    const [{ pending }] = await tx
      .select({ pending: count() })
      .from(invitation)
      .where(and(eq(invitation.organizationId, actor.teamId), eq(invitation.status, "pending"), gt(invitation.expiresAt, new Date())))
      .all();
    if (pending >= PENDING_INVITES_PER_TEAM) {
      throw new TooMany(`The team has ${PENDING_INVITES_PER_TEAM} pending invites, the most it may: revoke some first.`);
    }
    // A fresh invite replaces any pending one for the same address.
    await tx.update(invitation)
      .set({ status: "canceled" })
      .where(and(eq(invitation.organizationId, actor.teamId), eq(invitation.email, email), eq(invitation.status, "pending")))
      .run();
    const id = crypto.randomBytes(18).toString("base64url");
    const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS);
    await tx.insert(invitation).values({ id, organizationId: actor.teamId, email, role: input.role, inviterId: actor.userId, expiresAt }).run();
    return { id, email, role: input.role, expiresAt };
  });
}

export async function listInvites(db: Queryable, actor: Actor) {
  return db
    .select({ id: invitation.id, email: invitation.email, role: invitation.role, status: invitation.status, expiresAt: invitation.expiresAt })
    .from(invitation)
    .where(and(eq(invitation.organizationId, actor.teamId), eq(invitation.status, "pending")))
    .orderBy(asc(invitation.createdAt))
    .all();
}

export async function revokeInvite(db: Db, actor: Actor, inviteId: string) {
  const changed = (await db
    .update(invitation)
    .set({ status: "canceled" })
    .where(and(eq(invitation.id, inviteId), eq(invitation.organizationId, actor.teamId), eq(invitation.status, "pending")))
    .run()).changes;
  if (!changed) throw new NotFound("Invite not found.");
}

/** What an invite link shows before it is accepted; unknown, used and expired links look alike. */
export async function describeInvite(db: Queryable, inviteId: string) {
  const row = await db
    .select({ email: invitation.email, role: invitation.role, status: invitation.status, expiresAt: invitation.expiresAt, teamName: organization.name })
    .from(invitation)
    .innerJoin(organization, eq(organization.id, invitation.organizationId))
    .where(eq(invitation.id, inviteId))
    .get();
  if (!row || row.status !== "pending" || row.expiresAt.getTime() < Date.now()) {
    throw new NotFound("This invite link is not valid any more. Ask your manager for a new one.");
  }
  return { email: row.email, role: row.role, teamName: row.teamName };
}

/** Accepts an invite once, before it expires, for the address it was sent to. */
export async function acceptInvite(db: Db, signedIn: { userId: string; email: string; sessionId: string | null }, inviteId: string) {
  return db.transaction(async (tx) => {
    const invite = await tx.select().from(invitation).where(eq(invitation.id, inviteId)).get();
    if (!invite || invite.status !== "pending" || invite.expiresAt.getTime() < Date.now()) {
      throw new NotFound("This invite link is not valid any more. Ask your manager for a new one.");
    }
    if (invite.email !== signedIn.email.toLowerCase()) {
      throw new Forbidden(`This invite is for ${invite.email}. Sign in with that address to accept it.`);
    }
    // Whoever holds the link could otherwise sign up with the invited address and take the seat.
    const verified = (await tx.select({ verified: user.emailVerified }).from(user).where(eq(user.id, signedIn.userId)).get())?.verified;
    if (!verified) throw new Forbidden(`Verify ${invite.email} first: open the link in the mail we sent to it, then accept the invite.`);
    // Checked again now, not only when it was sent: an inviter who has since left the team or
    // lost their rank cannot still hand out a role above their own.
    const inviter = await tx
      .select({ role: member.role })
      .from(member)
      .where(and(eq(member.organizationId, invite.organizationId), eq(member.userId, invite.inviterId)))
      .get();
    if (!inviter || ROLE_RANK[invite.role] > ROLE_RANK[inviter.role]) {
      throw new Forbidden("Whoever sent this invite can no longer grant it. Ask your manager for a new one.");
    }
    await addMember(tx, invite.organizationId, signedIn.userId, invite.role);
    await tx.update(invitation).set({ status: "accepted" }).where(eq(invitation.id, invite.id)).run();
    if (signedIn.sessionId) {
      await tx.update(session).set({ activeOrganizationId: invite.organizationId }).where(eq(session.id, signedIn.sessionId)).run();
    }
    return { teamId: invite.organizationId, role: invite.role };
  });
}
