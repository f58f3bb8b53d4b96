// How numbers read in the UI, the same everywhere (DESIGN.md, "Look and feel").

export type Evidence = { returned: number; voicemails: number; rate: number | null; ciLow: number; ciHigh: number };

const pct = (x: number, digits: number) => `${(x * 100).toFixed(digits)}%`;

/** `37.5% (14–69%) · 3/8`: a rate always with its interval and counts. */
export function formatEvidence(e: Evidence): string {
  if (e.rate === null) return `— · 0/0`;
  return `${pct(e.rate, 1)} (${Math.round(e.ciLow * 100)}–${Math.round(e.ciHigh * 100)}%) · ${e.returned}/${e.voicemails}`;
}

/** A p-value with two significant figures, small ones in scientific notation: 0.041, 0.003, 1.2e-4. */
export function formatPValue(p: number): string {
  return p >= 0.001 ? String(Number(p.toPrecision(2))) : p.toExponential(1);
}

export const formatPercent = (x: number | null, digits = 1) => (x === null ? "—" : pct(x, digits));

export function formatMinutes(minutes: number | null): string {
  if (minutes === null) return "—";
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`;
  return `${(minutes / 1440).toFixed(1)} d`;
}

/**
 * A stored E.164 number as people write it: North American numbers as `(516) 555-0101`. Other
 * countries stay in E.164 — splitting off a country code needs libphonenumber's metadata, kept
 * out of client bundles.
 */
/** A prospect imported from a log that records no number (Salesforce, Pipedrive) has none to show. */
export function formatPhoneForDisplay(e164: string | null): string {
  if (e164 === null) return "no number";
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (nanp) return `(${nanp[1]}) ${nanp[2]}-${nanp[3]}`;
  return e164;
}

const clock = (h: number) => `${h % 12 === 0 ? 12 : h % 12}`;
const meridiem = (h: number) => (h % 24 < 12 ? "am" : "pm");

/** A local hour as the span people say: "9–10 am", "11 am–12 pm", "11 pm–12 am". */
export function hourSpan(hour: number): string {
  const next = (hour + 1) % 24;
  return meridiem(hour) === meridiem(next) ? `${clock(hour)}–${clock(next)} ${meridiem(hour)}` : `${clock(hour)} ${meridiem(hour)}–${clock(next)} ${meridiem(next)}`;
}
