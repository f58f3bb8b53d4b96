import { z } from "zod";
import { ROLES } from "@/lib/vocabulary";
import { email, name } from "./fields";

export const createTeamInput = z.object({
  name,
  timezone: z.string().trim().min(1).max(64),
});
export type CreateTeamInput = z.infer<typeof createTeamInput>;

export const inviteInput = z.object({ email, role: z.enum(ROLES) });
export type InviteInput = z.infer<typeof inviteInput>;

export const teamSettingsInput = z
  .object({
    name,
    timezone: z.string().trim().min(1).max(64),
    attributionWindowDays: z.number().int().min(1).max(90),
    minSample: z.number().int().min(1).max(1000),
    wordsPerMinute: z.number().int().min(80).max(300),
  })
  .partial();
export type TeamSettingsInput = z.infer<typeof teamSettingsInput>;

/** A membership of the caller's team, by its id (the team itself comes from the session). */
export const removeMemberInput = z.object({ memberId: z.string().trim().min(1).max(64) });
export type RemoveMemberInput = z.infer<typeof removeMemberInput>;
