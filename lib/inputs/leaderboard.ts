import { z } from "zod";
import { ATTEMPT_BUCKETS, STAGES } from "@/lib/vocabulary";
import { id, isRealCalendarDate } from "./fields";
import { BOARD_DIMENSIONS, DATE_RANGES, EARLIEST_LOCAL_DATE, LATEST_LOCAL_DATE, readParam, VIEW_PARAMS, type ViewParams } from "./leaderboard-url";

export * from "./leaderboard-url";

// What a stats view asks for: a dimension, a date range in the team's zone, and filters. The same
// schema validates procedures, the CSV download's query string and the page's URL, so a view
// shared by link is exactly the view the CSV holds.

export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2025-03-31.")
  .refine(isRealCalendarDate, "Not a real date.")
  // Stats walk every day of a range: 9000 years of days would hold a request for seconds.
  .refine((s) => s >= EARLIEST_LOCAL_DATE && s <= LATEST_LOCAL_DATE, "Dates must fall between the years 2000 and 2099.");

const filterShape = {
  range: z.enum(DATE_RANGES).default("all"),
  /** First local date of a custom range, included. */
  from: localDate.optional(),
  /** Last local date of a custom range, included. */
  to: localDate.optional(),
  repId: z.string().min(1).max(64).optional(),
  scriptId: id.optional(),
  versionId: id.optional(),
  stage: z.enum(STAGES).optional(),
  tag: z.string().trim().min(1).max(60).optional(),
  attempt: z.enum(ATTEMPT_BUCKETS).optional(),
};

const orderedRange = <T extends { from?: string; to?: string }>(r: T) => !r.from || !r.to || r.from <= r.to;
const rangeMessage = { message: "The range ends before it starts.", path: ["to"] };

/**
 * The widest custom range: three years of days. Wider asks are refused, not narrowed in silence
 * (issue 11: 2000–2099 built charts of 36,524 days); "All time" covers the team's whole history.
 */
export const MAX_CUSTOM_RANGE_DAYS = 1096;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const boundedRange = <T extends { range?: string; from?: string; to?: string }>(r: T) =>
  r.range !== "custom" || !r.from || !r.to || dayNumber(r.to) - dayNumber(r.from) + 1 <= MAX_CUSTOM_RANGE_DAYS;
const widthMessage = { message: `A custom range spans at most ${MAX_CUSTOM_RANGE_DAYS.toLocaleString("en-US")} days (three years); pick a shorter one, or "All time".`, path: ["to"] };

const withRangeRules = <T extends z.ZodType<{ range?: string; from?: string; to?: string }>>(schema: T) => schema.refine(orderedRange, rangeMessage).refine(boundedRange, widthMessage);

export const statsFilterInput = withRangeRules(z.object(filterShape));
export type StatsFilterInput = z.input<typeof statsFilterInput>;
export type StatsFilter = z.infer<typeof statsFilterInput>;

export const leaderboardInput = withRangeRules(z.object({ by: z.enum(BOARD_DIMENSIONS), ...filterShape }));
export type LeaderboardInput = z.infer<typeof leaderboardInput>;

export const repStatsInput = withRangeRules(z.object(filterShape));
/** `repId` is the rep drilled into (default: the caller); the other filters narrow as everywhere. */
export type RepStatsInput = z.infer<typeof repStatsInput>;

/** A view's filters without its dimension, for pages that show every dimension at once. */
export const filterOf = (v: LeaderboardInput): StatsFilter => ({
  range: v.range,
  from: v.from,
  to: v.to,
  repId: v.repId,
  scriptId: v.scriptId,
  versionId: v.versionId,
  stage: v.stage,
  tag: v.tag,
  attempt: v.attempt,
});

/**
 * A view from a URL's search parameters. A value that does not validate is dropped rather than
 * failing the page, so an old or hand-edited link still opens.
 */
export function leaderboardFromSearchParams(params: ViewParams): LeaderboardInput {
  const pick = <K extends keyof typeof filterShape | "by">(key: K, schema: z.ZodType) => {
    const raw = readParam(params, VIEW_PARAMS[key]);
    if (raw === undefined) return undefined;
    const parsed = schema.safeParse(key === "scriptId" || key === "versionId" ? Number(raw) : raw);
    return parsed.success ? parsed.data : undefined;
  };
  const view = {
    by: pick("by", z.enum(BOARD_DIMENSIONS)) ?? "script",
    range: pick("range", filterShape.range) ?? "all",
    from: pick("from", localDate),
    to: pick("to", localDate),
    repId: pick("repId", filterShape.repId),
    scriptId: pick("scriptId", id),
    versionId: pick("versionId", id),
    stage: pick("stage", z.enum(STAGES)),
    tag: pick("tag", filterShape.tag),
    attempt: pick("attempt", z.enum(ATTEMPT_BUCKETS)),
  };
  const parsed = leaderboardInput.safeParse(view);
  return parsed.success ? parsed.data : leaderboardInput.parse({ by: view.by });
}
