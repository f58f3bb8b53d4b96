import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { createTeamInput } from "@/lib/inputs/teams";
import { email, name, password, phoneInput } from "@/lib/inputs/fields";
import { ROLES, TEAM_DEFAULTS, type Role } from "@/lib/vocabulary";
import { normalisePhone } from "@/server/domain/phone";
import { Conflict, Invalid } from "./errors";
import { appOrigin, sendMail } from "./mail";
import { teamOwnerActor } from "./owner-actor";
import { addMember, createInvite, createTeam, isValidTimezone, teamBySlug } from "./teams";
import { createUser, findUserByEmail } from "./users";

// People joining teams from the `ringback` command line (`team create`, `user add`). A new
// address gets an account with the operator's password and its role at once. An address that
// already has an account never gets a role handed to it: its holder may not be who the operator
// thinks (anyone can sign up with any address), so `user add` mails it an invite that must be
// accepted from the verified address, and `team create` refuses.

export const createTeamWithOwnerInput = z.object({
  name: createTeamInput.shape.name,
  timezone: createTeamInput.shape.timezone.default(TEAM_DEFAULTS.timezone),
  ownerEmail: email,
  ownerPassword: password,
  ownerName: name.optional(),
});
export type CreateTeamWithOwnerInput = z.input<typeof createTeamWithOwnerInput>;

export const addUserToTeamInput = z.object({
  teamSlug: z.string().trim().min(1, "Required."),
  email,
  name,
  role: z.enum(ROLES),
  password: password.optional(),
  phone: phoneInput.optional(),
});
export type AddUserToTeamInput = z.input<typeof addUserToTeamInput>;

/** A password for an account made without one: 16 URL-safe characters, shown once. */
export const generatePassword = () => crypto.randomBytes(12).toString("base64url");

/** "jane.doe@x.com" → "Jane Doe": a name for an owner created from an email address alone. */
const nameFromEmail = (address: string) =>
  address
    .split("@")[0]
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(" ") || address;

/** A team and its owner, a new account; an address that already has an account is refused. */
export async function createTeamWithOwner(db: Db, raw: CreateTeamWithOwnerInput) {
  const input = createTeamWithOwnerInput.parse(raw);
  // Checked before the owner's account is made, so a refused team leaves no stray user behind.
  if (!isValidTimezone(input.timezone)) throw new Invalid(`Unknown time zone: ${input.timezone}`);
  if (await findUserByEmail(db, input.ownerEmail)) {
    throw new Conflict(
      `${input.ownerEmail} already has an account, so it is not made the owner of a new team: its holder can create the team after signing in, or be invited to one with \`user add\`.`,
    );
  }
  const owner = await createUser(db, { email: input.ownerEmail, name: input.ownerName ?? nameFromEmail(input.ownerEmail), password: input.ownerPassword });
  const team = await createTeam(db, owner.id, { name: input.name, timezone: input.timezone });
  return { ...team, owner: { id: owner.id, email: owner.email } };
}

export type AddUserOutcome =
  | { outcome: "added"; teamSlug: string; userId: string; email: string; role: Role; phone: string | null; generatedPassword: string | null }
  | { outcome: "invited"; teamSlug: string; email: string; role: Role; inviteUrl: string; mailedVia: "smtp" | "outbox" };

/**
 * Adds a new user to a team by email (with a generated password when none is given, returned
 * so it can be shown once), or invites an existing account, mailing it the link. The phone is
 * normalised with the team's default region before anything is written.
 */
export async function addUserToTeam(db: Db, raw: AddUserToTeamInput): Promise<AddUserOutcome> {
  const input = addUserToTeamInput.parse(raw);
  const team = await teamBySlug(db, input.teamSlug);
  let phone: string | null = null;
  if (input.phone !== undefined) {
    phone = normalisePhone(input.phone, team.defaultRegion);
    if (!phone) throw new Invalid(`“${input.phone}” is not a phone number.`);
  }
  if (await findUserByEmail(db, input.email)) {
    const invite = await createInvite(db, await teamOwnerActor(db, team.slug), { email: input.email, role: input.role });
    const inviteUrl = `${appOrigin()}/invite/${invite.id}`;
    const mailedVia = await sendMail(db, {
      to: invite.email,
      subject: `You are invited to join ${team.name} on Ringback`,
      text: `You are invited to join ${team.name} on Ringback as ${input.role}. Sign in as ${invite.email} and accept the invite (valid for 7 days):\n\n${inviteUrl}`,
    });
    return { outcome: "invited", teamSlug: team.slug, email: invite.email, role: input.role, inviteUrl, mailedVia };
  }
  const generatedPassword = input.password === undefined ? generatePassword() : null;
  const account = await createUser(db, { email: input.email, name: input.name, password: input.password ?? generatedPassword! });
  await addMember(db, team.id, account.id, input.role, phone);
  return { outcome: "added", teamSlug: team.slug, userId: account.id, email: account.email, role: input.role, phone, generatedPassword };
}
