// A team's time zone as a table of offsets, so that SQL (the rollup triggers) can bucket an
// instant into the team's local day exactly, daylight-saving changes included. SQLite knows no
// IANA zones; Intl does, so the transitions are found here once per team and zone.

import { zoneOffset } from "@/server/domain/time-buckets";

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
