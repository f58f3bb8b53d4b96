import { z } from "zod";
import { CALLBACK_RESULTS, OUTCOMES } from "@/lib/vocabulary";
import { id, instant, name, notes, phoneInput, shortText } from "./fields";

/** A prospect picked from the list, or typed in (matched by phone, created when new). */
export const prospectRef = z.union([
  z.object({ id }),
  z.object({ name, phone: phoneInput, company: shortText.optional() }),
]);

export const logAttemptInput = z
  .object({
    prospect: prospectRef,
    outcome: z.enum(OUTCOMES),
    scriptId: id.optional(),
    messageSeconds: z.number().int().min(1, "At least 1 second.").max(600, "At most 10 minutes.").optional(),
    notes: notes.optional(),
    at: instant.optional(),
  })
  .refine((a) => a.outcome !== "voicemail" || a.scriptId !== undefined, {
    message: "Pick the script you used for this voicemail.",
    path: ["scriptId"],
  })
  .refine((a) => a.outcome === "voicemail" || a.scriptId === undefined, {
    message: "Only voicemails have a script.",
    path: ["scriptId"],
  });
export type LogAttemptInput = z.infer<typeof logAttemptInput>;

export const logCallbackInput = z.object({
  prospect: prospectRef,
  result: z.enum(CALLBACK_RESULTS),
  notes: notes.optional(),
  at: instant.optional(),
});
export type LogCallbackInput = z.infer<typeof logCallbackInput>;
