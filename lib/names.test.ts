import { describe, expect, it } from "vitest";
import { NAME_MAX_LENGTH, nameProblem } from "./names";

// Code points from the Unicode Character Database (UnicodeData.txt, general categories).
describe("nameProblem", () => {
  it.each([
    ["Ana García", null],
    ["  Jean-Luc Picard  ", null],
    ["李小龙", null],
    ["محمد علي", null],
    ["O'Brien", null],
    ["🙂 Sam", null],
    ["a".repeat(NAME_MAX_LENGTH), null],
    ["", "Required."],
    ["   ", "Required."],
    ["a".repeat(NAME_MAX_LENGTH + 1), `At most ${NAME_MAX_LENGTH} characters.`],
  ])("%j → %j", (name, problem) => expect(nameProblem(name)).toBe(problem));

  it.each([
    ["BEL", "Ann\u0007"],
    ["ESC", "\u001b[31mAnn"],
    ["tab", "Ann\tLee"],
    ["newline", "Ann\nLee"],
    ["right-to-left override", "Ann\u202Eeel"],
    ["left-to-right embedding", "\u202AAnn"],
    ["right-to-left isolate", "Ann\u2067x"],
    ["right-to-left mark", "Ann\u200F"],
    ["Arabic letter mark", "Ann\u061C"],
    ["zero-width space", "Marta\u200B Manager"],
    ["zero-width joiner", "Ma\u200Drta"],
    ["word joiner", "Ma\u2060rta"],
    ["byte-order mark inside", "Ma\uFEFFrta"],
    ["soft hyphen", "Ma\u00ADrta"],
    ["line separator", "Ann\u2028Lee"],
    ["private use", "Ann\uE000"],
    ["Hangul filler", "\u3164"],
    ["braille blank", "Ann\u2800"],
  ])("refuses a %s", (_label, name) => expect(nameProblem(name)).toMatch(/printable/));

  it("counts characters, not UTF-16 units, against the limit", () => {
    expect(nameProblem("😀".repeat(NAME_MAX_LENGTH))).toBeNull();
  });
});
