import { z } from "zod";
import { name, phoneInput } from "./fields";

/**
 * A member's own profile: the name and phone their scripts read out, and their speaking rate
 * (empty phone clears it; no rate means the team's default).
 */
export const profileInput = z.object({
  name,
  phone: z.union([z.literal(""), phoneInput]),
  wordsPerMinute: z
    .number("Enter words a minute.")
    .int("A whole number of words.")
    .min(80, "At least 80 words a minute.")
    .max(300, "At most 300 words a minute.")
    .nullable(),
});
export type ProfileInput = z.infer<typeof profileInput>;
