import { describe, expect, it } from "vitest";
import { workerCount } from "./server-processes";

// RINGBACK_WORKERS / `npm start -- --workers N`: unset is today's single process; a bad value
// stops the start with the reason rather than starting some other number of processes.

describe("workerCount", () => {
  it.each([
    [undefined, 1],
    ["", 1],
    [" ", 1],
    ["1", 1],
    ["2", 2],
    ["64", 64],
  ])("reads %j as %i server processes", (value, expected) => {
    expect(workerCount(value)).toBe(expected);
  });

  it.each(["0", "-1", "1.5", "65", "two", "2x"])("refuses %j", (value) => {
    expect(() => workerCount(value)).toThrow(/RINGBACK_WORKERS \(or --workers\) must be a whole number from 1 to 64/);
  });
});
