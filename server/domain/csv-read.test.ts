import { describe, expect, it } from "vitest";
import { formatCsv } from "./csv";
import { CsvError, decodeCsvBytes, readCsv } from "./csv-read";

// Expected values are hand readings of RFC 4180 (sections 2.1–2.7) plus the tolerances the
// reader documents (LF line ends, blank lines, a BOM).

const utf8 = (text: string) => new TextEncoder().encode(text);

function failure(work: () => unknown): { message: string; line: number | null } {
  try {
    work();
  } catch (error) {
    if (error instanceof CsvError) return { message: error.message, line: error.line };
    throw error;
  }
  throw new Error("expected a CsvError");
}

describe("readCsv", () => {
  const cases: { name: string; text: string; header: string[]; records: { line: number; fields: string[] }[] }[] = [
    { name: "RFC 4180 §2.1: CRLF line ends", text: "a,b\r\n1,2\r\n", header: ["a", "b"], records: [{ line: 2, fields: ["1", "2"] }] },
    { name: "LF line ends and no final newline (§2.2)", text: "a,b\n1,2", header: ["a", "b"], records: [{ line: 2, fields: ["1", "2"] }] },
    { name: "a BOM is stripped from the first header", text: "\uFEFFtime,notes\n1,x\n", header: ["time", "notes"], records: [{ line: 2, fields: ["1", "x"] }] },
    {
      name: "§2.6: quoted commas, quotes and newlines; the next record's line counts the embedded newline",
      text: 'a,b\n"x, y","say ""hi""\nthere"\n3,4\n',
      header: ["a", "b"],
      records: [
        { line: 2, fields: ["x, y", 'say "hi"\nthere'] },
        { line: 4, fields: ["3", "4"] },
      ],
    },
    {
      name: "blank lines and spreadsheet-empty rows are skipped; line numbers stay physical",
      text: "\n\na,b\r\n\r\n1,2\n,\n\n3,4\n",
      header: ["a", "b"],
      records: [
        { line: 5, fields: ["1", "2"] },
        { line: 8, fields: ["3", "4"] },
      ],
    },
    { name: "empty fields keep their place (§2.4)", text: "a,b,c\n,2,\n", header: ["a", "b", "c"], records: [{ line: 2, fields: ["", "2", ""] }] },
    { name: "a bare quote inside an unquoted field is text", text: 'a\n5" screen\n', header: ["a"], records: [{ line: 2, fields: ['5" screen'] }] },
    { name: "a quoted empty field", text: 'a,b\n"",x\n', header: ["a", "b"], records: [{ line: 2, fields: ["", "x"] }] },
    { name: "CRLF inside a quoted field is kept", text: 'a\n"1\r\n2"\n', header: ["a"], records: [{ line: 2, fields: ["1\r\n2"] }] },
  ];
  it.each(cases)("$name", ({ text, header, records }) => {
    const table = readCsv(text);
    expect(table.header).toEqual(header);
    expect(table.records).toEqual(records);
  });

  const errors = [
    { name: "a quote left open names the line it opened on", text: 'a,b\n1,2\n3,"open\n4,5\n', line: 3, message: /never closed/ },
    { name: "text after a closing quote", text: 'a\n"x"y\n', line: 2, message: /follows a closing quote/ },
    { name: "an empty file", text: "", line: null, message: /empty/ },
    { name: "a header and no data", text: "a,b\r\n\r\n", line: 1, message: /no data rows/ },
    { name: "a NUL character", text: "a\nx\u0000y\n", line: 2, message: /binary/ },
    { name: "UTF-16LE without a BOM, read as UTF-8 (a NUL after every letter)", text: "t\u0000i\u0000m\u0000e\u0000\r\u0000\n\u00001\u0000\r\u0000\n\u0000", line: 1, message: /UTF-16/ },
    { name: "U+FFFD left by a lenient decoder (a Latin-1 é)", text: "name\nRen\uFFFD\n", line: 2, message: /not UTF-8/ },
    { name: "lines ending in a lone CR (old Mac)", text: "a,b\r1,2\r", line: 1, message: /lone carriage return/ },
  ];
  it.each(errors)("refuses $name", ({ text, line, message }) => {
    const problem = failure(() => readCsv(text));
    expect(problem.line).toBe(line);
    expect(problem.message).toMatch(message);
  });

  it("rejects a million blank lines quickly", () => {
    const started = performance.now();
    expect(failure(() => readCsv("\n".repeat(1_000_000))).message).toMatch(/empty/);
    expect(failure(() => readCsv("time,outcome\r\n" + "\r\n".repeat(1_000_000))).message).toMatch(/no data rows/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("reads back what formatCsv writes (the writer's own escaping)", () => {
    const rows = [{ a: 'He said "hi", then\nleft', b: "=SUM(A1)" }];
    const table = readCsv(formatCsv(["a", "b"], rows));
    expect(table.records[0].fields).toEqual(['He said "hi", then\nleft', "'=SUM(A1)"]);
  });
});

describe("decodeCsvBytes", () => {
  it("decodes UTF-8 and keeps a BOM for readCsv to strip", () => {
    expect(readCsv(decodeCsvBytes(utf8("\uFEFFname\nZoë\n"))).records[0].fields).toEqual(["Zoë"]);
  });

  const refusals = [
    { name: "Latin-1 é (0xE9) on line 3", bytes: Uint8Array.from([...utf8("a\nb\nCaf"), 0xe9, 0x0a]), line: 3, message: /not UTF-8 \(byte 0xE9\)/ },
    { name: "UTF-16 with its BOM", bytes: Uint8Array.from([0xff, 0xfe, 0x61, 0x00]), line: 1, message: /UTF-16/ },
    { name: "an .xlsx workbook (zip magic)", bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), line: 1, message: /workbook/ },
    { name: "binary with NUL bytes", bytes: Uint8Array.from([0x61, 0x0a, 0x00, 0x01]), line: 2, message: /binary/ },
    { name: "UTF-16LE without a BOM", bytes: Uint8Array.from([..."time\r\n1\r\n"].flatMap((c) => [c.charCodeAt(0), 0])), line: 1, message: /UTF-16/ },
    { name: "a truncated multi-byte character", bytes: Uint8Array.from([...utf8("a\n"), 0xe2, 0x82]), line: 2, message: /not UTF-8/ },
    { name: "an overlong encoding of '/'", bytes: Uint8Array.from([0x61, 0x0a, 0xc0, 0xaf]), line: 2, message: /not UTF-8 \(byte 0xC0\)/ },
  ];
  it.each(refusals)("refuses $name", ({ bytes, line, message }) => {
    const problem = failure(() => decodeCsvBytes(bytes));
    expect(problem.line).toBe(line);
    expect(problem.message).toMatch(message);
  });
});
