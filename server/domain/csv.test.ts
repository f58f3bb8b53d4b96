import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, formatCsv, neutraliseFormula, restoreFormula } from "./csv";
import { readCsv } from "./csv-read";

// Formula starts after OWASP's "CSV Injection" page: = + - @ tab and carriage return.
describe("neutraliseFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    // A text that really starts with an apostrophe before a formula keeps it: the escape is escaped.
    ["'=1+1", "''=1+1"],
    ["''=1+1", "'''=1+1"],
    // Not formulas: left exactly as written.
    ["'Tis the season", "'Tis the season"],
    ["'", "'"],
    ["Acme;=1+1", "Acme;=1+1"],
    ["", ""],
    // An E.164 phone: + and digits only, which no spreadsheet runs once quoted.
    ["+13525550100", "+13525550100"],
    ["+", "'+"],
    ["+1 352", "'+1 352"],
    ["+1+1", "'+1+1"],
    ["'+13525550100", "'+13525550100"],
  ])("%j is written as %j", (value, written) => {
    expect(neutraliseFormula(value)).toBe(written);
    expect(restoreFormula(written)).toBe(value);
  });

  it("round-trips every string exactly: restore(neutralise(s)) === s", () => {
    const risky = fc.constantFrom("'", "=", "+", "-", "@", "\t", "\r", "1", "a", " ", ";", '"');
    const strings = fc.oneof(fc.string(), fc.string({ unit: risky }), fc.string({ unit: "grapheme" }));
    fc.assert(fc.property(strings, (s) => restoreFormula(neutraliseFormula(s)) === s), { numRuns: 5000 });
  });

  it("never writes a cell that starts a formula", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const written = neutraliseFormula(s);
        return !/^[=+\-@\t\r]/.test(written) || /^\+\d+$/.test(written);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("csvCell", () => {
  // Excel splits on the locale's list separator (`;` in most of Europe), so only a quoted field
  // stays one cell there; quoting every field makes that hold for any separator.
  it.each([
    ["Acme;=1+1", '"Acme;=1+1"'],
    ["Acme", '"Acme"'],
    ['say "hi"', '"say ""hi"""'],
    ["=1+1", `"'=1+1"`],
    ["+13525550100", '"+13525550100"'],
    [24, '"24"'],
    [true, '"true"'],
    [null, '""'],
    [undefined, '""'],
  ])("%j → %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it("quotes the header and every field, and reads back to the same values", () => {
    const csv = formatCsv(["title", "phone"], [{ title: "'=SUM(A1)", phone: "+13525550100" }]);
    expect(csv).toBe(`"title","phone"\r\n"''=SUM(A1)","+13525550100"\r\n`);
    const table = readCsv(csv);
    expect(table.header).toEqual(["title", "phone"]);
    expect(table.records[0].fields.map(restoreFormula)).toEqual(["'=SUM(A1)", "+13525550100"]);
  });
});
