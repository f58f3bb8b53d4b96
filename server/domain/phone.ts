import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";

/**
 * A phone number in any common format → E.164 with the team's default region, or null when it
 * cannot be a real number. `516-541-8160`, `(516) 541-8160` and `+1 516 541 8160` are one number.
 */
export function normalisePhone(raw: string, defaultRegion = "US"): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultRegion as CountryCode);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** National display format for a stored E.164 number. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
