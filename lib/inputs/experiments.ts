import { z } from "zod";
import { id, name } from "./fields";

// Experiment inputs, shared by the start form and the procedures.

export const DEFAULT_MIN_DIFFERENCE_POINTS = 10;

/** Bands of voicemail numbers an experiment can match: the three stages' own, or one number / "and later". */
export const VOICEMAIL_NUMBER_CHOICES = [1, 2, 3, 4, 5, 6] as const;

const band = {
  fromVoicemail: z.number().int().min(1, "From the 1st voicemail on.").max(20, "At most the 20th voicemail."),
  /** null: this voicemail and every later one. */
  toVoicemail: z.number().int().min(1).max(20).nullable(),
};

const withOrderedBand = <T extends { fromVoicemail: number; toVoicemail: number | null }>(v: T) => v.toVoicemail === null || v.toVoicemail >= v.fromVoicemail;
const BAND_MESSAGE = { message: "The band must end at or after the voicemail it starts from.", path: ["toVoicemail"] };

export const minDifferencePoints = z.number().int().min(1, "At least 1 point.").max(50, "At most 50 points.");

export const startExperimentInput = z
  .object({
    name,
    scriptIds: z
      .array(id)
      .min(2, "Pick 2 to 4 scripts.")
      .max(4, "Pick 2 to 4 scripts.")
      .refine((ids) => new Set(ids).size === ids.length, "Pick each script once."),
    ...band,
    repIds: z.array(z.string().min(1).max(64)).max(200).default([]),
    minDifferencePoints: minDifferencePoints.default(DEFAULT_MIN_DIFFERENCE_POINTS),
  })
  .refine(withOrderedBand, BAND_MESSAGE);
export type StartExperimentInput = z.input<typeof startExperimentInput>;

export const planExperimentInput = z
  .object({ ...band, arms: z.number().int().min(2).max(4).default(2), minDifferencePoints: minDifferencePoints.default(DEFAULT_MIN_DIFFERENCE_POINTS) })
  .refine(withOrderedBand, BAND_MESSAGE);
export type PlanExperimentInput = z.input<typeof planExperimentInput>;

export const experimentIdInput = z.object({ id });

/** "1st voicemail", "2nd–3rd voicemail", "4th voicemail and later". */
export function bandLabel(fromVoicemail: number, toVoicemail: number | null): string {
  const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th")}`;
  if (toVoicemail === null) return `${ordinal(fromVoicemail)} voicemail and later`;
  if (toVoicemail === fromVoicemail) return `${ordinal(fromVoicemail)} voicemail`;
  return `${ordinal(fromVoicemail)}–${ordinal(toVoicemail)} voicemail`;
}
