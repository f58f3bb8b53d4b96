import { z } from "zod";
import { hasControlCharacters, id } from "./fields";

// Rehearsal takes (issue 17): the limits both the recorder and the server hold to, and the inputs
// of the take procedures and of the upload route (app/api/takes/route.ts).

export const TAKE_LIMITS = {
  /** Longer than any voicemail a prospect listens to; the recorder stops itself here. */
  maxSeconds: 90,
  takesPerRepPerVersion: 20,
  /** Opus at the recorder's 32 kbit/s is about 240 KB a minute: some 800 minutes a team. */
  teamBytes: 200 * 1024 * 1024,
  /** 90 s at 128 kbit/s (a browser ignoring the asked-for rate) is 1.44 MB; anything larger is not a take. */
  uploadBytes: 2 * 1024 * 1024,
};
export type TakeLimits = typeof TAKE_LIMITS;

/** What MediaRecorder is asked to make: Opus in WebM, at a bit rate speech needs and no more. */
export const TAKE_MIME_TYPE = "audio/webm;codecs=opus";
export const TAKE_BITS_PER_SECOND = 32_000;

const milliseconds = z.number().int().min(0).max(TAKE_LIMITS.maxSeconds * 1000 + 1000);

/** The upload's query string: which version was read, and the lengths the browser measured. */
export const uploadTakeInput = z
  .object({
    versionId: z.coerce.number().pipe(id),
    spokenMs: z.coerce.number().pipe(milliseconds),
    recordedMs: z.coerce.number().pipe(milliseconds.refine((ms) => ms <= TAKE_LIMITS.maxSeconds * 1000 + 500, `A take is at most ${TAKE_LIMITS.maxSeconds} seconds.`)),
  })
  .refine((t) => t.spokenMs <= t.recordedMs, { message: "The spoken length cannot exceed the recording.", path: ["spokenMs"] });
export type UploadTakeInput = z.output<typeof uploadTakeInput>;

export const takesForScriptInput = z.object({ scriptId: id });
export const takeIdInput = z.object({ id });
export const setTakeSharedInput = z.object({ id, shared: z.boolean() });
export const setReferenceTakeInput = z.object({ id, reference: z.boolean() });
export const commentOnTakeInput = z.object({
  id,
  comment: z
    .string()
    .trim()
    .max(500, "At most 500 characters.")
    .refine((s) => !hasControlCharacters(s), "Contains control characters."),
});
export const useMeasuredRateInput = z.object({ use: z.boolean() });
