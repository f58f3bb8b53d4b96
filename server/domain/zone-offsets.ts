// A team's time zone as a table of offsets, so that SQL (the rollup triggers) can bucket an
// instant into the team's local day exactly, daylight-saving changes included. SQLite knows no
// IANA zones; Intl does, so the transitions are found here once per team and zone.

import { SLOT_MS, slotClock, zoneOffset, type LocalTime } from "./time-buckets";

const WEEK_MS = 7 * 86_400_000;
const MINUTE_MS = 60_000;

/** The first and last instants covered; an instant outside uses the nearest entry's offset. */
export const ZONE_TABLE_FROM = Date.UTC(1990, 0, 1);
export const ZONE_TABLE_TO = Date.UTC(2080, 0, 1);


export type ZoneOffset = { fromMs: number; offsetMs: number };

/**
 * Every offset change of `timeZone` between 1990 and 2080: the instant it starts (to the minute)
 * and the offset (local − UTC, ms) from then on. Zones change at most a few times a year, never
 * twice in a week, so a weekly scan finds each change and a binary search pins it down.
 */
export function zoneOffsetTable(timeZone: string): ZoneOffset[] {
  const offsetAt = (ms: number) => zoneOffset(ms, timeZone);
  const table: ZoneOffset[] = [{ fromMs: ZONE_TABLE_FROM, offsetMs: offsetAt(ZONE_TABLE_FROM) }];
  let previous = table[0].offsetMs;
  for (let t = ZONE_TABLE_FROM + WEEK_MS; t <= ZONE_TABLE_TO; t += WEEK_MS) {
    const offset = offsetAt(t);
    if (offset === previous) continue;
    let low = t - WEEK_MS;
    let high = t;
    while (high - low > MINUTE_MS) {
      const mid = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(mid) === previous) low = mid;
      else high = mid;
    }
    table.push({ fromMs: high, offsetMs: offset });
    previous = offset;
  }
  return table;
}

const tables = new Map<string, ZoneOffset[]>();

function builtTable(timeZone: string): ZoneOffset[] {
  let table = tables.get(timeZone);
  if (!table) tables.set(timeZone, (table = zoneOffsetTable(timeZone)));
  return table;
}

/**
 * `slotClock` (time-buckets.ts) by the offset table instead of one Intl call per quarter-hour:
 * the team overview maps ~10k slots per request, and Intl's formatToParts was half of its time.
 * `stored` is the team's table as the rollups keep it (`team_zone_offset`); without it the table
 * is built here, once per process and zone (~5k Intl calls). Instants outside 1990–2080 (the
 * table's span) still ask Intl. Same answers as `slotClock`, slot for slot (zone-offsets.test.ts);
 * `verify` keeps using Intl so that it checks the table rather than trusting it.
 */
export function offsetTableClock(timeZone: string, stored?: ZoneOffset[]): (slot: number) => LocalTime {
  const offsets = stored?.length ? stored : builtTable(timeZone);
  const intl = slotClock(timeZone);
  const seen = new Map<number, LocalTime>();
  return (slot) => {
    let local = seen.get(slot);
    if (local) return local;
    const ms = slot * SLOT_MS;
    if (ms < ZONE_TABLE_FROM || ms > ZONE_TABLE_TO) local = intl(slot);
    else {
      let low = 0;
      let high = offsets.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (offsets[mid].fromMs <= ms) low = mid;
        else high = mid - 1;
      }
      const wall = new Date(ms + offsets[low].offsetMs);
      local = {
        date: wall.toISOString().slice(0, 10),
        hour: wall.getUTCHours(),
        weekday: (wall.getUTCDay() + 6) % 7,
      };
    }
    seen.set(slot, local);
    return local;
  };
}
