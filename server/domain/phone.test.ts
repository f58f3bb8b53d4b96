import { describe, expect, it } from "vitest";
import { normalisePhone } from "./phone";

// Expected E.164 forms follow ITU-T E.164 / libphonenumber: US numbers are +1 and ten digits.
describe("normalisePhone", () => {
  const sameNumber = [
    { raw: "516-541-8160", source: "dashed (DESIGN.md's example)" },
    { raw: "(516) 541-8160", source: "area code in parentheses" },
    { raw: "+1 516 541 8160", source: "international with spaces" },
    { raw: "1-516-541-8160", source: "national trunk prefix 1" },
    { raw: "5165418160", source: "bare digits" },
    { raw: "  516.541.8160  ", source: "dots and surrounding spaces" },
    { raw: "+1 (516) 541-8160 ext. 12", source: "an extension is not part of the number" },
  ];
  it.each(sameNumber)("$raw ($source) → +15165418160", ({ raw }) => {
    expect(normalisePhone(raw)).toBe("+15165418160");
  });

  const otherRegions = [
    { raw: "+44 20 7946 0958", region: "US", expected: "+442079460958", source: "an explicit country code wins over the region" },
    { raw: "020 7946 0958", region: "GB", expected: "+442079460958", source: "a national UK number with region GB" },
    { raw: "020 7946 0958", region: "US", expected: null, source: "the same digits are no US number" },
  ];
  it.each(otherRegions)("$raw in $region → $expected ($source)", ({ raw, region, expected }) => {
    expect(normalisePhone(raw, region)).toBe(expected);
  });

  const garbage = [
    { raw: "hello", source: "no digits" },
    { raw: "", source: "empty" },
    { raw: "   ", source: "blank" },
    { raw: "123", source: "far too short" },
    { raw: "516-541-816", source: "nine digits" },
    { raw: "516-541-81600", source: "eleven digits without a trunk prefix" },
    { raw: "555-0100", source: "seven-digit local number: no area code to make it E.164" },
  ];
  it.each(garbage)("$raw ($source) → null", ({ raw }) => {
    expect(normalisePhone(raw)).toBeNull();
  });
});
