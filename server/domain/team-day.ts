// "Today" is a day in the team's timezone (DESIGN.md: days are bucketed in it), not the
// server's or the browser's.

function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** The UTC instant of midnight starting the day that contains `now` in `timeZone`. */
export function startOfDayIn(timeZone: string, now: Date): Date {
  const wall = wallClockAsUtc(now.getTime(), timeZone);
  const midnightWall = wall - (wall % 86_400_000);
  // The offset at midnight can differ from the offset now on a DST change day: settle it twice.
  let guess = midnightWall - (wall - now.getTime());
  for (let i = 0; i < 2; i++) guess = midnightWall - (wallClockAsUtc(guess, timeZone) - guess);
  return new Date(guess);
}
