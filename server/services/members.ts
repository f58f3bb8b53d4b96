import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "@/db/client";
import { createTeamInput } from "@/lib/inputs/teams";
import { email, name, password, phoneInput } from "@/lib/inputs/fields";
import { ROLES, TEAM_DEFAULTS } from "@/lib/vocabulary";
import { normalisePhone } from "@/server/domain/phone";
import { Invalid } from "./errors";
import { addMember, createTeam, isValidTimezone, teamBySlug } from "./teams";
import { createUser, findUserByEmail } from "./users";

// People joining teams without an invite: the `ringback` command line (`team create`,
// `user add`). A user is created when missing; an existing account keeps its password.

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

/** A team and its owner; the owner's account is created unless the email already has one. */
export async function createTeamWithOwner(db: Db, raw: CreateTeamWithOwnerInput) {
  const input = createTeamWithOwnerInput.parse(raw);
  // Checked before the owner's account is made, so a refused team leaves no stray user behind.
  if (!isValidTimezone(input.timezone)) throw new Invalid(`Unknown time zone: ${input.timezone}`);
  const existing = findUserByEmail(db, input.ownerEmail);
  const owner =
    existing ??
    (await createUser(db, { email: input.ownerEmail, name: input.ownerName ?? nameFromEmail(input.ownerEmail), password: input.ownerPassword }));
  const team = createTeam(db, owner.id, { name: input.name, timezone: input.timezone });
  return { ...team, owner: { id: owner.id, email: owner.email }, ownerCreated: !existing };
}

/**
 * Adds a member to a team by email, creating the user when missing (with a generated password
 * when none is given, returned so it can be shown once). The phone is normalised with the team's
 * default region before anything is written.
 */
export async function addUserToTeam(db: Db, raw: AddUserToTeamInput) {
  const input = addUserToTeamInput.parse(raw);
  const team = teamBySlug(db, input.teamSlug);
  let phone: string | null = null;
  if (input.phone !== undefined) {
    phone = normalisePhone(input.phone, team.defaultRegion);
    if (!phone) throw new Invalid(`“${input.phone}” is not a phone number.`);
  }
  const existing = findUserByEmail(db, input.email);
  const generatedPassword = existing || input.password !== undefined ? null : generatePassword();
  const account =
    existing ?? (await createUser(db, { email: input.email, name: input.name, password: input.password ?? generatedPassword! }));
  addMember(db, team.id, account.id, input.role, phone);
  return {
    teamSlug: team.slug,
    userId: account.id,
    email: account.email,
    role: input.role,
    phone,
    userCreated: !existing,
    generatedPassword,
  };
}
