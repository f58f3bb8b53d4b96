import { z } from "zod";

// What a merge writes into prospect_merge's JSON columns, and reads back for its Undo. Parsed on
// the way out, so a row that does not match (a hand edit, an older shape) refuses the Undo
// instead of putting back half of it.

export const mergedDuplicate = z.object({
  name: z.string(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  ownerId: z.string().nullable(),
  status: z.enum(["open", "engaged", "appointment", "closed-lost"]),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type MergedDuplicate = z.infer<typeof mergedDuplicate>;

export const mergeMoves = z.object({
  attemptIds: z.array(z.number()),
  callbackIds: z.array(z.number()),
  sourceIds: z.array(z.object({ source: z.string(), externalId: z.string() })),
  /** Experiments whose assignment moved to the kept prospect (it had none there). */
  assignmentsMoved: z.array(z.number()),
  /** The duplicate's assignments dropped because the kept prospect had its own arm there. */
  assignmentsDropped: z.array(z.object({ experimentId: z.number(), armId: z.number(), assignedAt: z.number() })),
  /** The kept prospect took the duplicate's company, having none. */
  companyFilled: z.boolean(),
  /** The kept prospect's updatedAt before the merge, and the one the merge gave it. */
  keptUpdatedAt: z.number(),
  keptTouchedAt: z.number(),
});
export type MergeMoves = z.infer<typeof mergeMoves>;
