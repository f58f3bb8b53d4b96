// "Today" is a day in the team's timezone (DESIGN.md: days are bucketed in it), not the
// server's or the browser's.
import { wallClockAsUtc } from "./time-buckets";

/** The UTC instant of midnight starting the day that contains `now` in `timeZone`. */
export function startOfDayIn(timeZone: string, now: Date): Date {
  const wall = wallClockAsUtc(now.getTime(), timeZone);
  const midnightWall = wall - (wall % 86_400_000);
  // The offset at midnight can differ from the offset now on a DST change day: settle it twice.
  let guess = midnightWall - (wall - now.getTime());
  for (let i = 0; i < 2; i++) guess = midnightWall - (wallClockAsUtc(guess, timeZone) - guess);
  return new Date(guess);
}
