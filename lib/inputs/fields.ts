import { z } from "zod";
import { NAME_MAX_LENGTH, nameProblem } from "@/lib/names";
import "./issue-messages";

// Field rules shared by forms (react-hook-form + zodResolver) and procedures.

/** Control characters other than tab and newlines: never part of text a person typed. */
export const hasControlCharacters = (s: string) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s);

/** Printable text: control characters other than tab and newlines are refused. */
const printable = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters.`)
    .refine((s) => !hasControlCharacters(s), "Contains control characters.");

/** The longest name a prospect or person may have. */
export const NAME_MAX = NAME_MAX_LENGTH;
/** A person's, team's or prospect's name: lib/names.ts is the one rule. */
export const name = z
  .string()
  .max(2000, "Too long.")
  .trim()
  .superRefine((s, ctx) => {
    const problem = nameProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
export const shortText = printable(200).trim();
export const notes = printable(2000).trim();
export const email = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);
export const password = z.string().min(8, "At least 8 characters.").max(128);
export const phoneInput = z.string().trim().min(3, "Enter a phone number.").max(40);
export const id = z.number().int().positive();
/** Dials and callbacks happen in this century; anything outside is a typo or an attack, not a call. */
export const EARLIEST_INSTANT = Date.UTC(2000, 0, 1);
export const LATEST_INSTANT = Date.UTC(2100, 0, 1);

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** JavaScript rolls 2025-02-30 over to March 2nd instead of refusing it; this refuses it. */
export function isRealCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A point in time: a Date (what the app's client sends through superjson) or an ISO 8601 string.
 * Not `z.coerce.date()`: that turns `null`, `true` or `[2020]` into dates and rolls impossible
 * calendar dates over.
 */
export const instant = z
  .union([
    z.date({ error: "Not a valid date." }),
    z
      .string()
      .trim()
      .max(40, "Not a valid date.")
      .regex(ISO_TIME, "Use an ISO 8601 time like 2025-03-31T09:30:00Z.")
      .refine(isRealCalendarDate, "Not a real calendar date.")
      .transform((s) => new Date(s)),
  ])
  .refine((d) => !Number.isNaN(d.getTime()), "Not a valid date.")
  .refine((d) => d.getTime() >= EARLIEST_INSTANT && d.getTime() < LATEST_INSTANT, "Times must fall between the years 2000 and 2099.");
