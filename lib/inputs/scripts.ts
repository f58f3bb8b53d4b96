import { z } from "zod";
import { STAGES } from "@/lib/vocabulary";
import { shortText } from "./fields";

export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Tags are lowercase words joined by dashes.");

export const createScriptInput = z.object({
  title: shortText.min(1, "Required."),
  stage: z.enum(STAGES),
  tags: z.array(tag).max(12).default([]),
  body: z.string().trim().min(1, "Write the script.").max(5000, "At most 5000 characters."),
  shared: z.boolean().default(true),
});
export type CreateScriptInput = z.input<typeof createScriptInput>;
