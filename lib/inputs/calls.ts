import { z } from "zod";
import { CALLBACK_RESULTS, OUTCOMES, PROSPECT_STATUSES } from "@/lib/vocabulary";
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

export const attemptIdInput = z.object({ id });
export const callbackIdInput = z.object({ id });

/** An edit of one dial: only the fields given change; the outcome/script rule still holds. */
export const updateAttemptInput = z.object({
  id,
  outcome: z.enum(OUTCOMES).optional(),
  scriptId: id.nullable().optional(),
  messageSeconds: z.number().int().min(1, "At least 1 second.").max(600, "At most 10 minutes.").nullable().optional(),
  notes: notes.nullable().optional(),
  at: instant.optional(),
});
export type UpdateAttemptInput = z.infer<typeof updateAttemptInput>;

export const updateCallbackInput = z.object({
  id,
  result: z.enum(CALLBACK_RESULTS).optional(),
  notes: notes.nullable().optional(),
  at: instant.optional(),
});
export type UpdateCallbackInput = z.infer<typeof updateCallbackInput>;

/** Which voicemail a callback would be credited to, before it is saved. */
export const callbackPreviewInput = z.union([
  z.object({ prospectId: id, at: instant.optional() }),
  z.object({ phone: phoneInput, at: instant.optional() }),
]);
export type CallbackPreviewInput = z.infer<typeof callbackPreviewInput>;

/** What the quick-log form needs once a prospect is picked (or typed in as new). */
export const dialContextInput = z.union([z.object({ prospectId: id }), z.object({ name: z.string().max(120), company: z.string().max(200).optional() })]);
export type DialContextInput = z.infer<typeof dialContextInput>;

export const prospectListInput = z.object({
  query: z.string().trim().max(100).default(""),
  ownerId: z.string().min(1).max(64).optional(),
  status: z.enum(PROSPECT_STATUSES).optional(),
  awaitingCallback: z.boolean().optional(),
  minUnreturned: z.number().int().min(0).max(100).optional(),
  limit: z.number().int().min(1).max(200).default(100),
});
export type ProspectListInput = z.input<typeof prospectListInput>;

/** Prospects per page of the callback queue on Today. */
export const AWAITING_PAGE = 10;

/** A page of the callback queue. */
export const awaitingCallbackInput = z.object({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(100).default(AWAITING_PAGE),
});
export type AwaitingCallbackInput = z.input<typeof awaitingCallbackInput>;

export const updateProspectInput = z.object({
  id,
  name: name.optional(),
  phone: phoneInput.optional(),
  company: shortText.nullable().optional(),
  status: z.enum(PROSPECT_STATUSES).optional(),
  ownerId: z.string().min(1).max(64).optional(),
});
export type UpdateProspectInput = z.infer<typeof updateProspectInput>;

/** Two prospects that are one person: `duplicateId`'s history moves to `keepId`, then it goes. */
export const mergeProspectsInput = z
  .object({ keepId: id, duplicateId: id })
  .refine((v) => v.keepId !== v.duplicateId, { message: "Pick another prospect to merge: a prospect cannot be merged into itself.", path: ["duplicateId"] });
export type MergeProspectsInput = z.infer<typeof mergeProspectsInput>;

/** A merge of the caller's team to undo (its id from `prospects.merge` or the merge trail). */
export const undoMergeInput = z.object({ mergeId: id });
export type UndoMergeInput = z.infer<typeof undoMergeInput>;
