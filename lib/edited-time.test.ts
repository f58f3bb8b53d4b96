import { describe, expect, it } from "vitest";
import { editedInstant } from "./edited-time";

// The field's value is a wall time in the process's zone; the cases build it from local parts so
// they hold in any TZ the tests run in.
const localInput = (d: Date) => {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

describe("editedInstant", () => {
  // The dial: 07:07:32.107.
  const original = new Date(2026, 10, 30, 7, 7, 32, 107);

  it("an untouched field changes nothing: the seconds and milliseconds stay", () => {
    expect(editedInstant(original, localInput(original))).toBeUndefined();
  });

  it("a new minute keeps the original's seconds and milliseconds", () => {
    expect(editedInstant(original, localInput(new Date(2026, 10, 30, 7, 9)))).toEqual(new Date(2026, 10, 30, 7, 9, 32, 107));
    expect(editedInstant(original, localInput(new Date(2026, 10, 29, 16, 45)))).toEqual(new Date(2026, 10, 29, 16, 45, 32, 107));
  });

  it("an emptied or impossible field is null, for the form to refuse", () => {
    expect(editedInstant(original, "")).toBeNull();
    expect(editedInstant(original, "not a time")).toBeNull();
  });
});
