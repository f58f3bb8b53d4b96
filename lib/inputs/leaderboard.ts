import { z } from "zod";

export const LEADERBOARD_DIMENSIONS = ["script", "rep"] as const;

export const leaderboardInput = z
  .object({
    by: z.enum(LEADERBOARD_DIMENSIONS),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
  })
  .refine((r) => !r.from || !r.to || r.from <= r.to, { message: "The range ends before it starts.", path: ["to"] });
export type LeaderboardInput = z.infer<typeof leaderboardInput>;
