import { z } from "zod";
import { STAGES } from "@/lib/vocabulary";
import { hasControlCharacters, id, shortText } from "./fields";

// Script inputs, shared by the editor's forms and the procedures. Placeholder checks are the
// domain parser's (server/domain/script-template.ts): the services run it on every save, and the
// editor shows its problems from the `scripts.preview` query before a save is offered.

export const tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "Tags are lowercase words joined by dashes.");

export const scriptTitle = shortText.min(1, "Required.");
export const scriptBody = z
  .string()
  .trim()
  .min(1, "Write the script.")
  .max(5000, "At most 5000 characters.")
  .refine((s) => !hasControlCharacters(s), "Contains control characters.");
export const scriptTags = z.array(tag).max(12, "At most 12 tags.");

export const createScriptInput = z.object({
  title: scriptTitle,
  stage: z.enum(STAGES),
  tags: scriptTags.default([]),
  body: scriptBody,
  shared: z.boolean().default(true),
});
export type CreateScriptInput = z.input<typeof createScriptInput>;

/** Title, stage and tags change in place; a changed body becomes a new version. */
export const updateScriptInput = z.object({
  id,
  title: scriptTitle.optional(),
  stage: z.enum(STAGES).optional(),
  tags: scriptTags.optional(),
  body: scriptBody.optional(),
});
export type UpdateScriptInput = z.input<typeof updateScriptInput>;

export const scriptIdInput = z.object({ id });
export const setSharedInput = z.object({ id, shared: z.boolean() });
export const setArchivedInput = z.object({ id, archived: z.boolean() });
export const setTeamPickInput = z.object({ id, teamPick: z.boolean() });
export const forkScriptInput = z.object({ versionId: id, title: scriptTitle.optional() });
export const previewScriptInput = z.object({ body: z.string().max(5000, "At most 5000 characters.") });
export const compareScriptsInput = z.object({ id, otherId: id });

export const LIBRARY_VIEWS = ["all", "shared", "drafts", "archived"] as const;
export type LibraryView = (typeof LIBRARY_VIEWS)[number];
export const LIBRARY_VIEW_LABELS: Record<LibraryView, string> = {
  all: "Shared + my drafts",
  shared: "Shared",
  drafts: "My drafts",
  archived: "Archived",
};
export const LIBRARY_SORTS = ["ranked", "used", "newest"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];
export const LIBRARY_SORT_LABELS: Record<LibrarySort, string> = {
  ranked: "Ranked callback rate",
  used: "Most used",
  newest: "Newest",
};

export const libraryInput = z.object({
  q: z.string().trim().max(100).optional(),
  stage: z.enum(STAGES).optional(),
  tags: z.array(tag).max(12).optional(),
  authorId: z.string().max(64).optional(),
  view: z.enum(LIBRARY_VIEWS).default("all"),
  teamPicks: z.boolean().optional(),
  sort: z.enum(LIBRARY_SORTS).default("ranked"),
});
export type LibraryInput = z.input<typeof libraryInput>;
