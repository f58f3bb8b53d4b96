// CSV as DESIGN.md fixes it: UTF-8, RFC 4180, header row, column order free. Writing is here;
// reading (with line numbers for errors) lives beside it as the import work adds it.

/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Escapes a formula-looking cell with a leading apostrophe, which spreadsheets show as text. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseFormula`, so an exported file imports back to the same values. */
export function restoreFormula(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? neutraliseFormula(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV document: header row, then rows, CRLF line ends as RFC 4180 says. */
export function formatCsv<K extends string>(columns: readonly K[], rows: Iterable<Record<K, string | number | boolean | null | undefined>>): string {
  const lines = [columns.join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}
