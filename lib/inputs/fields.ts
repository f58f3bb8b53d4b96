import { z } from "zod";

// Field rules shared by forms (react-hook-form + zodResolver) and procedures.

/** Printable text: control characters other than tab and newlines are refused. */
const printable = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters.`)
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), "Contains control characters.");

export const name = printable(120).trim().min(1, "Required.");
export const shortText = printable(200).trim();
export const notes = printable(2000).trim();
export const email = z.string().trim().toLowerCase().email("Enter a valid email address.").max(254);
export const password = z.string().min(8, "At least 8 characters.").max(128);
export const phoneInput = z.string().trim().min(3, "Enter a phone number.").max(40);
export const id = z.number().int().positive();
export const instant = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), "Not a valid date.");
