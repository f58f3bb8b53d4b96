// Times in CSV files (DESIGN.md): ISO 8601; without an offset, a wall-clock time in the team's
// time zone. Wall times that a daylight-saving change skips or repeats are resolved the way
// Temporal's default ("compatible") disambiguation does: a skipped time moves forward by the
// gap, a repeated time means its first occurrence.

import { zoneOffset } from "./time-buckets";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

const HOUR_MS = 3_600_000;
const QUARTER_HOUR_MS = 900_000;

/** Wall-clock offset (local − UTC, ms) of a zone at an instant, cached per quarter hour. */
export function zoneOffsets(timeZone: string) {
  const cache = new Map<number, number>();
  // Zone transitions fall on quarter hours of UTC, so one answer serves a whole quarter.
  return (ms: number) => {
    const key = Math.floor(ms / QUARTER_HOUR_MS);
    let offset = cache.get(key);
    if (offset === undefined) {
      const at = key * QUARTER_HOUR_MS;
      offset = zoneOffset(at, timeZone);
      cache.set(key, offset);
    }
    return offset;
  };
}

export type ZoneOffsets = ReturnType<typeof zoneOffsets>;

/** The instant a wall-clock time (given as if it were UTC) denotes in a zone. */
export function wallTimeToInstant(wallMs: number, offsetAt: ZoneOffsets): number {
  const before = offsetAt(wallMs - 1.5 * 24 * HOUR_MS);
  const after = offsetAt(wallMs + 1.5 * 24 * HOUR_MS);
  const candidates = [...new Set([before, after])].map((o) => wallMs - o).filter((instant) => instant + offsetAt(instant) === wallMs);
  if (candidates.length) return Math.min(...candidates);
  // In a gap: read with the offset in force before it, which lands after the gap.
  return wallMs - before;
}

export type ParsedTime = { ok: true; at: Date } | { ok: false; reason: string };

/** An ISO 8601 date-time (space or T, optional seconds and fraction, optional offset). */
export function parseCsvTime(raw: string, offsetAt: ZoneOffsets): ParsedTime {
  const text = raw.trim();
  if (!text) return { ok: false, reason: "time is empty" };
  const m = ISO.exec(text);
  if (!m) return { ok: false, reason: `time “${raw}” is not ISO 8601 (like 2025-03-03T09:15:00 or 2025-03-03T14:15:00Z)` };
  const [, y, mo, d, h, mi, s, fraction, zone] = m;
  if (h === undefined) return { ok: false, reason: `time “${raw}” has a date but no time of day` };
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s ?? 0);
  const ms = fraction ? Math.floor(Number(`0.${fraction}`) * 1000 + 1e-6) : 0;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, reason: `time “${raw}” is not a real date and time` };
  }
  if (!zone) return { ok: true, at: new Date(wallTimeToInstant(wall, offsetAt)) };
  if (zone === "Z" || zone === "z") return { ok: true, at: check };
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offsetHours = Number(digits.slice(0, 2));
  const offsetMinutes = Number(digits.slice(2) || 0);
  if (offsetHours > 23 || offsetMinutes > 59) return { ok: false, reason: `time “${raw}” has an impossible offset` };
  return { ok: true, at: new Date(wall - sign * (offsetHours * HOUR_MS + offsetMinutes * 60_000)) };
}

/**
 * A `--from`/`--to` bound: a date means that whole day in the team's zone (`to` includes it), a
 * date-time is used as it is.
 */
export function parseRangeBound(raw: string, offsetAt: ZoneOffsets, edge: "from" | "to"): ParsedTime {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  if (!date) return parseCsvTime(raw, offsetAt);
  const start = parseCsvTime(`${raw.trim()}T00:00`, offsetAt);
  if (!start.ok || edge === "from") return start;
  const nextDay = new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]) + 1));
  return { ok: true, at: new Date(wallTimeToInstant(nextDay.getTime(), offsetAt)) };
}
