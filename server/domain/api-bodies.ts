import { z } from "zod";
import { email, instant, name, notes, phoneInput, shortText } from "@/lib/inputs/fields";
import { LEADERBOARD_DIMENSIONS, localDate } from "@/lib/inputs/leaderboard";
import { OUTCOME_SPELLINGS, RESULT_SPELLINGS, outcomeOfSpelling, resultOfSpelling } from "./csv-mapping";

// The REST API's bodies (/api/v1, issue 14): the attempts and callbacks CSV's fields under the
// same names, read with the same spellings (csv-mapping.ts). The routes validate with these and
// /api/v1/openapi.json is generated from them, so the document cannot drift from the checks.

/** An ISO 8601 instant with its offset: a program's clock, unlike a CSV's, names its zone. */
const apiTime = z
  .string()
  .max(40)
  .regex(/(?:Z|[+-]\d{2}:?\d{2})$/i, "Give the time with its offset, e.g. 2025-03-31T09:30:00Z.")
  .transform((text, ctx) => {
    // The app's one rule for instants (a real calendar date, this century).
    const read = instant.safeParse(text);
    if (!read.success) for (const issue of read.error.issues) ctx.addIssue({ code: "custom", message: issue.message });
    return read.success ? read.data : z.NEVER;
  })
  .meta({ description: "ISO 8601 with an offset; now when absent. Never in the future.", examples: ["2025-03-31T09:30:00Z"] });

const outcome = z
  .string()
  .max(40)
  .transform((raw, ctx) => {
    const read = outcomeOfSpelling(raw);
    if (!read) ctx.addIssue({ code: "custom", message: "Not one of voicemail, no-message, connected, bad-number (or a common CRM spelling of them)." });
    return read ?? z.NEVER;
  })
  .meta({ description: "voicemail, no-message, connected, bad-number, or a CRM spelling of one (case-insensitive).", examples: Object.keys(OUTCOME_SPELLINGS) });

const result = z
  .string()
  .max(40)
  .transform((raw, ctx) => {
    const read = resultOfSpelling(raw);
    if (!read) ctx.addIssue({ code: "custom", message: "Not one of appointment (or meeting booked), interested, not-interested, other." });
    return read ?? z.NEVER;
  })
  .meta({ description: "appointment (or meeting booked), interested, not-interested, other; other when absent.", examples: Object.keys(RESULT_SPELLINGS) });

/** The caller's id for the call: a retry with the same one returns the first answer. */
const externalId = z.string().trim().min(1).max(200).meta({ description: "Your id for this call; a retry with the same id returns the first answer." });

export const apiDialBody = z
  .object({
    time: apiTime.optional(),
    rep_email: email.meta({ description: "The member who dialled; a rep key may name only its own member." }),
    prospect_phone: phoneInput.meta({ description: "Matched to the team's prospect by its normalised number; a new number makes a prospect." }),
    prospect_name: name.optional().meta({ description: "For a new prospect; the number stands in when absent." }),
    prospect_company: shortText.optional(),
    outcome,
    script: shortText.optional().meta({ description: "The title of the script read; required for a voicemail." }),
    message_seconds: z.number().int().min(1).max(600).optional(),
    notes: notes.optional(),
    external_id: externalId.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.outcome === "voicemail" && !body.script) ctx.addIssue({ code: "custom", path: ["script"], message: "A voicemail needs the title of the script used." });
  })
;
export type ApiDialBody = z.output<typeof apiDialBody>;

export const apiCallbackBody = z
  .object({
    time: apiTime.optional(),
    prospect_phone: phoneInput,
    result: result.optional(),
    notes: notes.optional(),
    external_id: externalId.optional(),
  })
  .strict();
export type ApiCallbackBody = z.output<typeof apiCallbackBody>;

export const apiLeaderboardQuery = z
  .object({
    by: z.enum(LEADERBOARD_DIMENSIONS),
    from: localDate.optional().meta({ description: "First day, in the team's time zone." }),
    to: localDate.optional().meta({ description: "Last day, included." }),
  })
  .strict();
export type ApiLeaderboardQuery = z.output<typeof apiLeaderboardQuery>;

/** An Idempotency-Key header: printable, bounded. */
export const idempotencyKey = z.string().trim().min(1).max(200).regex(/^[\x21-\x7e]+$/, "Printable ASCII only.");
