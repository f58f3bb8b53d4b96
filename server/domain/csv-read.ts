// Reading CSV as DESIGN.md fixes it: UTF-8, RFC 4180, a header row. Pure: bytes or text in,
// records with the physical line each starts on out, so every complaint can name its line.

/** A problem that makes the whole file unreadable (as opposed to one bad row). */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = "CsvError";
  }
}

export type CsvRecord = { line: number; fields: string[] };
export type CsvTable = { header: string[]; headerLine: number; records: CsvRecord[] };

const BOM = "\uFEFF";

const lineAt = (bytes: Uint8Array, offset: number) => {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
};

/** Offset of the first byte that breaks UTF-8 (RFC 3629), or -1. Only run once decoding failed. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong, surrogate and beyond-U+10FFFF forms are refused by their second byte.
    const second = bytes[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

const UTF16_MESSAGE = "The file is UTF-16 text; save it as “CSV UTF-8” and try again.";

/**
 * UTF-16 without a byte-order mark: Latin text has a NUL beside every letter. A third of the
 * first units being NUL is far beyond any binary accident in a text file and far below UTF-16's half.
 */
function looksLikeUtf16(units: ArrayLike<number>): boolean {
  let nuls = 0;
  for (let i = 0; i < units.length; i++) if (units[i] === 0) nuls++;
  return units.length >= 8 && nuls * 3 >= units.length;
}

/**
 * File bytes → text. Refuses what is not a CSV in UTF-8 with a reason a person can act on:
 * UTF-16 (Excel's "Unicode text"), a workbook or zip, binary data, other encodings (Latin-1…).
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CsvError(UTF16_MESSAGE, 1);
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new CsvError("The file is a workbook or zip archive, not CSV; save it as “CSV UTF-8” and try again.", 1);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1 && looksLikeUtf16(bytes.subarray(0, 200))) throw new CsvError(UTF16_MESSAGE, 1);
  if (nul !== -1) throw new CsvError("The file contains NUL bytes: it looks binary, not like CSV text.", lineAt(bytes, nul));
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const hex = at === -1 ? "" : ` (byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, "0")})`;
    throw new CsvError(`The file is not UTF-8${hex}; save it as “CSV UTF-8” and try again.`, at === -1 ? null : lineAt(bytes, at));
  }
}

/**
 * RFC 4180 with the usual tolerances: CRLF or LF line ends, a quote inside an unquoted field kept
 * as text (`5" screen`), blank lines skipped. A quote left open is an error at the line it opened
 * on; text after a closing quote (`"a"b`) too, as it means the quoting is broken.
 */
export function readCsv(input: string): CsvTable {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const nul = text.indexOf("\u0000");
  if (nul !== -1 && looksLikeUtf16(Array.from(text.slice(0, 200), (c) => c.charCodeAt(0)))) throw new CsvError(UTF16_MESSAGE, 1);
  if (nul !== -1) throw new CsvError("The file contains NUL characters: it looks binary, not like CSV text.", countLines(text, nul));
  // U+FFFD is what a lenient reader puts where bytes were not UTF-8 (a Latin-1 é, say): the text
  // that was there is already lost, so importing it would store the damage.
  const replaced = text.indexOf("\uFFFD");
  if (replaced !== -1) throw new CsvError("The file has characters that were not UTF-8 when it was read (shown as �); save it as “CSV UTF-8” and try again.", countLines(text, replaced));
  if (text.includes("\r") && !text.includes("\n")) {
    throw new CsvError("The file's lines end with a lone carriage return (old Mac format); save it as “CSV UTF-8” and try again.", 1);
  }

  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    // A blank line (or a run of them, however long) is skipped in one step per line.
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
      continue;
    }
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      line += 1;
      i += 2;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === 34) {
        const openLine = line;
        let parts = "";
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) throw new CsvError("A quoted field opened on this line is never closed.", openLine);
          parts += text.slice(i, q);
          for (let k = i; k < q; k++) if (text.charCodeAt(k) === 10) line++;
          if (text.charCodeAt(q + 1) === 34) {
            parts += '"';
            i = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        value = parts;
        const next = text.charCodeAt(i);
        if (i < n && next !== 44 && next !== 10 && !(next === 13 && text.charCodeAt(i + 1) === 10)) {
          throw new CsvError("Text follows a closing quote; a quote inside a quoted field is written twice (\"\").", line);
        }
      } else {
        let end = i;
        while (end < n) {
          const ch = text.charCodeAt(end);
          if (ch === 44 || ch === 10 || (ch === 13 && text.charCodeAt(end + 1) === 10)) break;
          end++;
        }
        value = text.slice(i, end);
        i = end;
      }
      fields.push(value);
      if (i >= n) break;
      const sep = text.charCodeAt(i);
      if (sep === 44) {
        i++;
        continue;
      }
      i += sep === 13 ? 2 : 1;
      line++;
      break;
    }
    // `,,,` is how spreadsheets write an empty row: as blank as a blank line.
    if (fields.some((f) => f !== "")) records.push({ line: startLine, fields });
  }

  const first = records.shift();
  if (!first) throw new CsvError("The file is empty: it needs a header row and at least one data row.", null);
  if (records.length === 0) throw new CsvError("The file has a header row but no data rows.", first.line);
  return { header: first.fields, headerLine: first.line, records };
}

function countLines(text: string, end: number) {
  let line = 1;
  for (let i = 0; i < end; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
