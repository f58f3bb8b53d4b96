import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Outcome } from "@/lib/vocabulary";
import { detectSource, durationSeconds, mapSourceColumns, mappableFields, readCallRecord, sourceColumns, type CallRow } from "./call-log";
import { CALL_SOURCES } from "./call-sources";
import { SOURCE_IDS, type SourceId } from "./call-sources/source";
import { readCsv } from "./csv-read";
import { zoneOffsets } from "./csv-time";

// Each source's fixture (call-sources/fixtures) is written from the vendor's documented column
// set and value spellings (History issue, "Headers to recognise" and the outcome table); the
// people and numbers are invented. Expected values are read off the fixture rows by hand.

const NOW = new Date("2025-06-01T00:00:00Z");
const fixture = (source: SourceId) => fs.readFileSync(path.join(__dirname, "call-sources", "fixtures", `${source}.csv`), "utf8");

function readFixture(source: SourceId, text = fixture(source)) {
  const table = readCsv(text);
  const columns = sourceColumns("auto", table.header, table.headerLine);
  const context = { offsetAt: zoneOffsets("America/New_York"), region: "US", phones: new Map(), now: NOW };
  return { columns, rows: table.records.map((r) => readCallRecord(r, columns, context)) };
}

type Expected =
  | { line: number; dial: Outcome; at: string; phone?: string | null; rep?: string | null; repPhone?: string | null; callId?: string; seconds?: number | null; contactId?: string; dateOnly?: boolean }
  | { line: number; inbound: true; at: string; phone?: string | null; contactId?: string }
  | { line: number; skip: string }
  | { line: number; error: string };

function check(source: SourceId, expected: Expected[]) {
  const { columns, rows } = readFixture(source);
  expect(columns.source.id).toBe(source);
  expect(rows).toHaveLength(expected.length);
  rows.forEach((row, i) => {
    const want = expected[i];
    expect(row.line).toBe(want.line);
    if ("skip" in want) return expect(row).toMatchObject({ kind: "skip", reason: expect.stringContaining(want.skip) });
    if ("error" in want) return expect(row).toMatchObject({ kind: "error", reason: expect.stringContaining(want.error) });
    expect(row.kind).toBe("call");
    const call = row as CallRow;
    expect(call.at.toISOString()).toBe(want.at);
    if ("inbound" in want) {
      expect(call.direction).toBe("inbound");
      if (want.phone !== undefined) expect(call.prospectPhone).toBe(want.phone);
      if (want.contactId !== undefined) expect(call.contactId).toBe(want.contactId);
      return;
    }
    expect(call).toMatchObject({ direction: "outbound", outcome: want.dial });
    for (const [key, field] of [["phone", "prospectPhone"], ["rep", "rep"], ["repPhone", "repPhone"], ["callId", "callId"], ["seconds", "messageSeconds"], ["contactId", "contactId"], ["dateOnly", "dateOnly"]] as const) {
      if (want[key] !== undefined) expect(call[field], `${source} line ${want.line} ${key}`).toBe(want[key]);
    }
  });
}

describe("readCallRecord, per source", () => {
  it("hubspot: GUID and label dispositions, owner ids, milliseconds, phones by direction, failed calls skipped", () =>
    check("hubspot", [
      { line: 2, dial: "voicemail", at: "2025-03-03T14:00:00.000Z", phone: "+15165418160", rep: "4101", repPhone: "+15165550100", callId: "51001", seconds: 24 },
      { line: 3, dial: "no-message", at: "2025-03-03T14:05:00.000Z", seconds: null },
      { line: 4, dial: "connected", at: "2025-03-03T14:10:00.000Z", rep: "4102" },
      { line: 5, dial: "bad-number", at: "2025-03-03T14:15:00.000Z" },
      { line: 6, skip: "not a completed call (hs_call_status): FAILED" },
      { line: 7, inbound: true, at: "2025-03-03T15:30:00.000Z", phone: "+15165418160" },
    ]));

  it("salesforce: WhoId as the prospect, date-only rows at noon team time, non-calls, open tasks and internal calls skipped", () =>
    check("salesforce", [
      { line: 2, dial: "voicemail", at: "2025-03-03T14:00:00.000Z", phone: null, contactId: "0035e00000Dana1", rep: "0055e000001Maya", seconds: 26, callId: "00T5e00001AAA01" },
      { line: 3, dial: "no-message", at: "2025-03-03T14:05:00.000Z" },
      // 2025-03-04 12:00 in New York (EST, UTC−5).
      { line: 4, dial: "connected", at: "2025-03-04T17:00:00.000Z", dateOnly: true },
      { line: 5, dial: "bad-number", at: "2025-03-04T15:00:00.000Z" },
      { line: 6, skip: "not a call (TaskSubtype): Email" },
      { line: 7, skip: "not a completed call (Status): Not Started" },
      { line: 8, inbound: true, at: "2025-03-04T16:00:00.000Z", contactId: "0035e00000Dana1" },
      { line: 9, skip: "an internal call" },
    ]));

  it("close: dispositions, microsecond ISO times, blocked calls without a valid number kept by their contact, errors skipped", () =>
    check("close", [
      { line: 2, dial: "voicemail", at: "2025-03-03T14:00:00.123Z", phone: "+15165418160", rep: "Maya Lopez", repPhone: "+15165550100", contactId: "cont_01", seconds: 24 },
      { line: 3, dial: "no-message", at: "2025-03-03T14:05:00.000Z" },
      { line: 4, dial: "no-message", at: "2025-03-03T14:06:00.000Z" },
      { line: 5, dial: "no-message", at: "2025-03-03T14:07:00.000Z" },
      { line: 6, dial: "connected", at: "2025-03-03T14:10:00.000Z" },
      { line: 7, dial: "voicemail", at: "2025-03-04T14:00:00.000Z", seconds: 31 },
      { line: 8, dial: "bad-number", at: "2025-03-04T14:05:00.000Z", phone: null, contactId: "cont_04" },
      { line: 9, skip: "the call failed (disposition error)" },
      { line: 10, inbound: true, at: "2025-03-04T15:00:00.000Z", phone: "+15165418160" },
      { line: 11, inbound: true, at: "2025-03-04T15:30:00.000Z", phone: "+15165419999" },
    ]));

  it("pipedrive: Aircall activity types, due date and time in UTC, plain Call activities, to-dos and meetings skipped", () =>
    check("pipedrive", [
      { line: 2, dial: "connected", at: "2025-03-03T14:00:00.000Z", phone: null, rep: "Maya Lopez", callId: "901" },
      { line: 3, dial: "no-message", at: "2025-03-03T14:10:00.000Z" },
      { line: 4, skip: "a Call activity: the export carries no outcome" },
      { line: 5, skip: "a planned activity, not done (Done): To do" },
      { line: 6, skip: "not a call (Meeting)" },
    ]));

  it("aircall: answered yes/no, the UTC datetime column, the formatted customer number, no associated user", () =>
    check("aircall", [
      { line: 2, dial: "connected", at: "2025-03-03T14:00:00.000Z", phone: "+15165418160", rep: "Maya Lopez", repPhone: "+15165550100", callId: "1480001" },
      { line: 3, dial: "no-message", at: "2025-03-03T14:10:00.000Z" },
      { line: 4, dial: "no-message", at: "2025-03-03T14:20:00.000Z", rep: null, repPhone: "+15165550101" },
      { line: 5, inbound: true, at: "2025-03-03T15:00:00.000Z", phone: "+15165418161" },
      { line: 6, inbound: true, at: "2025-03-03T15:10:00.000Z", phone: "+15165419999" },
    ]));

  it("twilio: RFC 2822 times, answering-machine detection as voicemail, the calling number as the rep's, failed calls skipped", () =>
    check("twilio", [
      { line: 2, dial: "voicemail", at: "2025-03-03T14:00:01.000Z", phone: "+15165418160", rep: null, repPhone: "+15165550100", callId: "CA0001", seconds: 26 },
      { line: 3, dial: "no-message", at: "2025-03-03T14:05:01.000Z" },
      { line: 4, dial: "connected", at: "2025-03-03T14:10:01.000Z" },
      { line: 5, skip: "not a completed call (status): failed" },
      { line: 6, inbound: true, at: "2025-03-03T16:00:01.000Z", phone: "+15165418160" },
    ]));

  it("ringback: its own attempts format, CRM spellings, the script column, a digest for the call id", () => {
    check("ringback", [
      { line: 2, dial: "voicemail", at: "2025-03-03T14:00:00.000Z", phone: "+15165418160", rep: "maya@acme.test", seconds: 24 },
      { line: 3, dial: "no-message", at: "2025-03-03T14:05:00.000Z" },
      { line: 4, dial: "connected", at: "2025-03-03T14:10:00.000Z" },
      { line: 5, dial: "bad-number", at: "2025-03-03T14:15:00.000Z" },
    ]);
    const [first] = readFixture("ringback").rows as CallRow[];
    expect(first.scriptTitle).toBe("Number early");
    expect(first.callId).toMatch(/^digest:[0-9a-f]{24}$/);
    // The digest is of the row's facts: the same row read again has the same id.
    expect((readFixture("ringback").rows[0] as CallRow).callId).toBe(first.callId);
  });
});

describe("detectSource", () => {
  it.each(SOURCE_IDS)("recognises %s's export by its header", (source) => {
    expect(detectSource(readCsv(fixture(source)).header)?.id).toBe(source);
  });

  it("refuses an unknown header with every source and the columns each expects", () => {
    expect(() => sourceColumns("auto", ["date", "who", "what"])).toThrow(/matches no known source.*hubspot \(hs_timestamp, hubspot_owner_id.*twilio \(sid, date_created/);
  });

  it("refuses a file given as the wrong source, naming the columns it lacks", () => {
    expect(() => sourceColumns("twilio", readCsv(fixture("close")).header)).toThrow(/lacks Twilio's columns sid, start_time/);
  });
});

describe("mapSourceColumns, the manager's column choices", () => {
  const header = readCsv(fixture("aircall")).header;
  const at = (name: string) => header.indexOf(name);

  it("points a role at another column, drops a role set to none, and leaves out a column the file lacks", () => {
    const { columns, missing } = mapSourceColumns(CALL_SOURCES.aircall, header, [
      { field: "contactName", column: "Customer Name" },
      { field: "notes", column: null },
      { field: "company", column: "no such column" },
    ]);
    expect(missing).toEqual([]);
    expect(columns.index).toMatchObject({ contactName: at("customer name"), rep: at("user"), callId: at("call id") });
    expect(columns.index.notes).toBeUndefined();
    expect(columns.index.company).toBeUndefined();
    expect(columns.ignored).toContain("comments");
    expect(columns.ignored).not.toContain("customer name");
  });

  it("applies later choices over earlier ones (the page's over the remembered)", () => {
    const { columns } = mapSourceColumns(CALL_SOURCES.aircall, header, [
      { field: "rep", column: null },
      { field: "rep", column: "user id" },
    ]);
    expect(columns.index.rep).toBe(at("user id"));
  });

  it("accepts a header lacking a signature column once its role is mapped, and names it until then", () => {
    const renamed = readCsv(fixture("hubspot").replace("hubspot_owner_id", "Owner")).header;
    expect(mapSourceColumns(CALL_SOURCES.hubspot, renamed).missing).toEqual(["hubspot_owner_id"]);
    expect(() => sourceColumns("hubspot", renamed)).toThrow(/lacks HubSpot's columns hubspot_owner_id/);
    expect(sourceColumns("hubspot", renamed, 1, [{ field: "rep", column: "Owner" }]).index.rep).toBe(2);
  });

  it("offers the source's own roles, then the ones any source can take from a column", () => {
    expect(mappableFields(CALL_SOURCES.twilio)).toEqual(["callId", "time", "status", "outcome", "answeredBy", "direction", "duration", "from", "to", "rep", "contactId", "contactName", "company", "notes", "script"]);
  });
});

describe("readCallRecord, outcomes the table does not know", () => {
  const custom = fixture("hubspot").replace("17b47fee-58de-441e-a44c-c6300d46f273", "0c6f9d2e-custom-guid");

  it("is an error naming the value and the column", () => {
    expect(readFixture("hubspot", custom).rows[3]).toMatchObject({ kind: "error", line: 5, outcomeValue: "0c6f9d2e-custom-guid", reason: expect.stringContaining("outcome “0c6f9d2e-custom-guid” (column hs_call_disposition)") });
  });

  it("reads as the outcome the team mapped it to", () => {
    const table = readCsv(custom);
    const columns = sourceColumns("hubspot", table.header);
    const row = readCallRecord(table.records[3], columns, { offsetAt: zoneOffsets("UTC"), region: "US", now: NOW, outcomeMappings: new Map([["0c6f9d2e-custom-guid", "bad-number"]]) });
    expect(row).toMatchObject({ kind: "call", outcome: "bad-number" });
  });

  it("is skipped, with its value, when the team mapped it to skip", () => {
    const table = readCsv(custom);
    const columns = sourceColumns("hubspot", table.header);
    const row = readCallRecord(table.records[3], columns, { offsetAt: zoneOffsets("UTC"), region: "US", now: NOW, outcomeMappings: new Map([["0c6f9d2e-custom-guid", "skip"]]) });
    expect(row).toEqual({ kind: "skip", line: 5, reason: "outcome “0c6f9d2e-custom-guid” is mapped to skip", outcomeValue: "0c6f9d2e-custom-guid" });
  });
});

describe("readCallRecord, times", () => {
  const read = (time: string, now = NOW) => {
    const table = readCsv(`time,rep_email,prospect_name,prospect_phone,outcome\n${time},a@b.test,A,5165418160,busy\n`);
    return readCallRecord(table.records[0], sourceColumns("ringback", table.header), { offsetAt: zoneOffsets("UTC"), region: "US", now });
  };
  it.each([
    ["2025-05-31T23:59:00Z", "call"],
    // Within the five minutes of clock skew allowed.
    ["2025-06-01T00:04:00Z", "call"],
    ["2025-06-01T00:06:00Z", "error"],
    ["1999-12-31T23:59:00Z", "error"],
    ["2025-02-30T10:00:00Z", "error"],
  ])("%s is a %s", (time, kind) => expect(read(time).kind).toBe(kind));
});

describe("durationSeconds", () => {
  it.each([
    ["24000", "ms", 24],
    ["24", "seconds", 24],
    ["0:00:24", "h:mm:ss", 24],
    ["1:05", "h:mm:ss", 65],
    ["31", "h:mm:ss", 31],
    ["00:05", "h:mm", 300],
    ["1:00", "h:mm", 3600],
    ["", "seconds", null],
    ["n/a", "seconds", null],
  ] as const)("%s (%s) is %s s", (text, unit, seconds) => expect(durationSeconds(text, unit)).toBe(seconds));
});
