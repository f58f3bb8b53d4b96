// CSV as DESIGN.md fixes it: UTF-8, RFC 4180, header row, column order free. Writing is here;
// reading (with line numbers for errors) lives beside it in csv-read.ts.

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** `+` and digits only (an E.164 phone): once quoted, no spreadsheet can run it as anything. */
const PLAIN_NUMBER = /^\+\d+$/;

/**
 * Whether a value, past any apostrophes it already starts with, would run as a formula. Looking
 * past them is what makes the escape reversible: a text that really starts with `'=` gets a
 * second apostrophe, so the reader can tell it from an escaped `=`.
 */
function isFormulaRisk(value: string): boolean {
  const rest = value.replace(/^'+/, "");
  return FORMULA_START.test(rest) && !PLAIN_NUMBER.test(rest);
}

/** Escapes a formula-looking cell with a leading apostrophe, which spreadsheets show as text. */
export function neutraliseFormula(value: string): string {
  return isFormulaRisk(value) ? `'${value}` : value;
}

/** Undoes `neutraliseFormula` exactly: `restoreFormula(neutraliseFormula(s)) === s` for every string. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") && isFormulaRisk(value) ? value.slice(1) : value;
}

/**
 * Every field is quoted: Excel splits on the locale's list separator, `;` in most of Europe, so
 * an unquoted `Acme;=1+1` became a cell starting with `=` there.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  const text = typeof value === "string" ? neutraliseFormula(value) : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** One CSV document: header row, then rows, CRLF line ends as RFC 4180 says. */
export function formatCsv<K extends string>(columns: readonly K[], rows: Iterable<Record<K, string | number | boolean | null | undefined>>): string {
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}
