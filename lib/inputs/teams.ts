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
    attributionWindowDays: z.number("Enter a number of days.").int("Whole days only.").min(1, "At least 1 day.").max(90, "At most 90 days."),
    minSample: z.number("Enter a number of voicemails.").int("A whole number of voicemails.").min(1, "At least 1 voicemail.").max(1000, "At most 1,000 voicemails."),
    wordsPerMinute: z.number("Enter words a minute.").int("A whole number of words.").min(80, "At least 80 words a minute.").max(300, "At most 300 words a minute."),
  })
  .partial();
export type TeamSettingsInput = z.infer<typeof teamSettingsInput>;

/** A membership of the caller's team, by its id (the team itself comes from the session). */
export const removeMemberInput = z.object({ memberId: z.string().trim().min(1).max(64) });
export type RemoveMemberInput = z.infer<typeof removeMemberInput>;

export const changeRoleInput = z.object({
  memberId: removeMemberInput.shape.memberId,
  role: z.enum(ROLES),
  /** Set by the Undo button, so the role trail tells an undo from a new decision. */
  undo: z.boolean().optional(),
});
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;
