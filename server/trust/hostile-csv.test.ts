import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { openTestDatabase } from "@/tests/support/fixtures";
import { databaseDigest, outcomeOf, twoTeams, type OwnTeam } from "@/tests/support/trust";

// Hostile CSV files sent to the import procedure (imports.run) the way the import page sends
// them, as text. server/domain/csv-read.test.ts covers the reader and the byte decoder on their
// own; this proves the whole path: each broken file gets a clear reason with its line, and the
// database is byte-for-byte what it was (an import is all or nothing).

const HEADER = "time,rep_email,prospect_name,prospect_phone,prospect_company,outcome,script,message_seconds,notes";

let db: Db;
let b: OwnTeam;
let goodLog: string;

beforeAll(async () => {
  db = await openTestDatabase();
  ({ b } = await twoTeams(db));
  const rep = b.rep.user.email;
  goodLog =
    [
      HEADER,
      `2025-03-03T09:00:00-05:00,${rep},Dana Whitfield,(516) 541-8160,Harbor Freight,Left Voicemail,Bravo Opener,24,"said ""call back"", maybe"`,
      `2025-03-03T09:05:00-05:00,${rep},Jordan Avery,516-541-8161,,No Answer,,,`,
      `2025-03-04T10:00:00-05:00,${rep},Chris Lane,5165418162,"Lane & Co",answered,,,"two
lines"`,
    ].join("\r\n") + "\r\n";
});

/** Runs an import as team B's owner and returns its summary, failing on anything but a summary. */
async function importText(csv: string, kind: "attempts" | "callbacks" = "attempts") {
  const result = await outcomeOf(b.team.owner.caller.imports.run({ kind, csv }));
  if (!result.ok) throw result.error;
  return result.value as { written: boolean; inserted: number; errors: { line: number; reason: string }[]; errorCount: number };
}

const utf16le = (text: string) => {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes[2 * i] = text.charCodeAt(i);
  return bytes;
};

describe("a hostile CSV file is refused with a clear reason and changes nothing", () => {
  const cases: { name: string; file: () => string; line: number | null; reason: RegExp }[] = [
    { name: "a quote left open", file: () => `${HEADER}\r\n2025-03-03T09:00:00Z,x@y.test,"Dana,5165418160,,busy,,,\r\n`, line: 2, reason: /never closed/ },
    { name: "a file cut inside a quoted field", file: () => goodLog.slice(0, goodLog.indexOf("two") + 3), line: 4, reason: /never closed/ },
    { name: "a file cut in the middle of a row", file: () => goodLog.slice(0, goodLog.indexOf("Jordan Avery") + 6), line: 3, reason: /has 3 fields but the header has 9/ },
    { name: "a million empty lines after the header", file: () => `${HEADER}\r\n${"\r\n".repeat(1_000_000)}`, line: 1, reason: /no data rows/ },
    { name: "a million spreadsheet-empty rows", file: () => `${HEADER}\n${",,,,,,,,\n".repeat(1_000_000)}`, line: 1, reason: /no data rows/ },
    { name: "a million empty lines and nothing else", file: () => "\n".repeat(1_000_000), line: 1, reason: /empty/ },
    { name: "UTF-16 text read as if it were UTF-8", file: () => new TextDecoder("utf-8").decode(utf16le(goodLog)), line: 1, reason: /UTF-16/ },
    {
      name: "Latin-1 bytes read leniently (é became U+FFFD)",
      file: () => new TextDecoder("utf-8").decode(Uint8Array.from([...new TextEncoder().encode(`${HEADER}\r\n2025-03-03T09:00:00Z,a@b.test,Ren`), 0xe9, ...new TextEncoder().encode(",5165418160,,busy,,,\r\n")])),
      line: 2,
      reason: /not UTF-8/,
    },
    { name: "old Mac line ends (CR only)", file: () => goodLog.replaceAll("\r\n", "\r").replace("\n", " "), line: 1, reason: /lone carriage return/ },
    { name: "a header with no known columns", file: () => "foo,bar\r\n1,2\r\n", line: 1, reason: /missing|column/i },
    { name: "text after a closing quote", file: () => `${HEADER}\r\n"2025-03-03T09:00:00Z"x,a,b,c,d,e,f,g,h\r\n`, line: 2, reason: /follows a closing quote/ },
  ];

  it.each(cases)("$name", async ({ file, line, reason }) => {
    const before = await databaseDigest(db);
    const summary = await importText(file());
    expect(summary.written).toBe(false);
    expect(summary.inserted).toBe(0);
    expect(summary.errors[0]).toMatchObject({ line, reason: expect.stringMatching(reason) });
    expect(await databaseDigest(db)).toEqual(before);
  });

  it("a file over 50 MB is refused before it is read", async () => {
    const before = await databaseDigest(db);
    const result = await outcomeOf(b.team.owner.caller.imports.run({ kind: "attempts", csv: `${HEADER}\r\n${"x".repeat(50_000_000)}` }));
    expect(result.ok).toBe(false);
    expect((result as { error: TRPCError }).error.code).toBe("BAD_REQUEST");
    expect((result as { error: TRPCError }).error.message).toMatch(/larger than 50 MB/);
    expect(await databaseDigest(db)).toEqual(before);
  });

  it("a hundred thousand bad rows: every one counted, the first 500 listed, nothing written", async () => {
    const before = await databaseDigest(db);
    const summary = await importText(`${HEADER}\r\n${"  \r\n".repeat(100_000)}`);
    expect(summary).toMatchObject({ written: false, inserted: 0, errorCount: 100_000 });
    expect(summary.errors).toHaveLength(500);
    expect(summary.errors[0]).toEqual({ line: 2, reason: expect.stringMatching(/has 1 fields but the header has 9/) });
    expect(await databaseDigest(db)).toEqual(before);
  });
});

describe("any truncation or corruption of a good call log", () => {
  it("is all or nothing, never a server error (fast-check)", async () => {
    const damage = fc.oneof(
      fc.nat({ max: 400 }).map((n) => (text: string) => text.slice(0, Math.min(n, text.length))),
      fc.tuple(fc.nat({ max: 400 }), fc.constantFrom('"', ",", "\r", "\n", "\u0000", "\uFFFD", "\u2028", "=", "{")).map(
        ([at, ch]) =>
          (text: string) =>
            text.slice(0, at) + ch + text.slice(at),
      ),
      fc.tuple(fc.nat({ max: 400 }), fc.nat({ max: 60 })).map(
        ([at, length]) =>
          (text: string) =>
            text.slice(0, at) + text.slice(at + length),
      ),
    );
    let written = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(damage, async (hurt) => {
        const before = await databaseDigest(db);
        const count = async () => Number((await db.get<{ n: number }>(sql`select count(*) as n from attempt`))!.n);
        const attemptsBefore = await count();
        const result = await outcomeOf(b.team.owner.caller.imports.run({ kind: "attempts", csv: hurt(goodLog), createMissing: true }));
        if (!result.ok) {
          // An empty file is refused by the input schema; anything else must come back as a summary.
          expect((result.error as TRPCError).code, String(result.error)).toBe("BAD_REQUEST");
          expect(await databaseDigest(db)).toEqual(before);
          refused++;
          return;
        }
        const summary = result.value as { written: boolean; inserted: number; errorCount: number };
        if (summary.written) {
          expect(summary.errorCount).toBe(0);
          expect((await count()) - attemptsBefore).toBe(summary.inserted);
          written++;
        } else {
          expect(summary.errorCount).toBeGreaterThan(0);
          expect(await databaseDigest(db)).toEqual(before);
          refused++;
        }
      }),
      { numRuns: 150, seed: 20251128 },
    );
    expect(written + refused).toBe(150);
    expect(refused).toBeGreaterThan(0);
  });
});
