import { describe, expect, it } from "vitest";
import { CsvError, readCsv } from "./csv-read";
import { attemptColumns, callbackColumns, isRowError, mapAttemptRecord, mapCallbackRecord, OUTCOME_SPELLINGS } from "./csv-mapping";
import { parseCsvTime, parseRangeBound, zoneOffsets } from "./csv-time";
import { normalisePhone } from "./phone";

// Zone offsets and daylight-saving dates are from the IANA tz database (2025 rules); gap and
// overlap resolution follows Temporal's "compatible" disambiguation (TC39 Temporal spec,
// GetPossibleEpochNanoseconds / DisambiguatePossibleEpochNanoseconds).

const newYork = zoneOffsets("America/New_York");

describe("parseCsvTime", () => {
  const cases = [
    { name: "no offset, winter: New York is UTC−5", text: "2025-03-03T09:00:00", zone: "America/New_York", utc: "2025-03-03T14:00:00.000Z" },
    { name: "no offset, summer: New York is UTC−4; space separator, no seconds", text: "2025-07-01 09:00", zone: "America/New_York", utc: "2025-07-01T13:00:00.000Z" },
    { name: "spring-forward gap: 02:30 does not exist, moves forward to 03:30 EDT", text: "2025-03-09T02:30", zone: "America/New_York", utc: "2025-03-09T07:30:00.000Z" },
    { name: "fall-back overlap: 01:30 happens twice, the first (EDT) is meant", text: "2025-11-02T01:30", zone: "America/New_York", utc: "2025-11-02T05:30:00.000Z" },
    { name: "just after fall-back: 02:00 is EST only", text: "2025-11-02T02:00", zone: "America/New_York", utc: "2025-11-02T07:00:00.000Z" },
    { name: "London spring-forward gap at 01:00 GMT", text: "2025-03-30T01:30", zone: "Europe/London", utc: "2025-03-30T01:30:00.000Z" },
    { name: "Kathmandu is UTC+05:45 (quarter-hour zone)", text: "2025-03-03T09:00", zone: "Asia/Kathmandu", utc: "2025-03-03T03:15:00.000Z" },
    { name: "Z is UTC whatever the team's zone", text: "2025-03-03T09:00:00Z", zone: "America/New_York", utc: "2025-03-03T09:00:00.000Z" },
    { name: "an explicit offset wins over the team's zone", text: "2025-03-03T09:00:00+01:00", zone: "America/New_York", utc: "2025-03-03T08:00:00.000Z" },
    { name: "basic-format offset and milliseconds", text: "2025-03-03T09:00:00.250-0500", zone: "Europe/London", utc: "2025-03-03T14:00:00.250Z" },
    { name: "what toISOString writes reads back unchanged", text: "2025-03-03T14:07:09.123Z", zone: "Asia/Tokyo", utc: "2025-03-03T14:07:09.123Z" },
  ];
  it.each(cases)("$name", ({ text, zone, utc }) => {
    const parsed = parseCsvTime(text, zoneOffsets(zone));
    expect(parsed).toEqual({ ok: true, at: new Date(utc) });
  });

  const refusals = [
    { text: "", reason: /empty/ },
    { text: "2025-03-03", reason: /no time of day/ },
    { text: "2025-02-30T10:00", reason: /not a real date/ },
    { text: "2025-03-03T24:00", reason: /not a real date/ },
    { text: "03/03/2025 9:00", reason: /not ISO 8601/ },
    { text: "yesterday", reason: /not ISO 8601/ },
  ];
  it.each(refusals)("refuses “$text”", ({ text, reason }) => {
    const parsed = parseCsvTime(text, newYork);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });

  it("range bounds: a date is the whole day in the team's zone, `to` included", () => {
    expect(parseRangeBound("2025-03-09", newYork, "from")).toEqual({ ok: true, at: new Date("2025-03-09T05:00:00Z") });
    // 9 March 2025 is 23 hours long in New York; the next day starts at 04:00Z.
    expect(parseRangeBound("2025-03-09", newYork, "to")).toEqual({ ok: true, at: new Date("2025-03-10T04:00:00Z") });
    expect(parseRangeBound("2025-03-09T12:00Z", newYork, "to")).toEqual({ ok: true, at: new Date("2025-03-09T12:00:00Z") });
  });
});

const context = { offsetAt: newYork, region: "US" };
const HEADER = "time,rep_email,prospect_name,prospect_phone,prospect_company,outcome,script,message_seconds,notes";

function attempt(row: string, header = HEADER) {
  const table = readCsv(`${header}\n${row}\n`);
  return mapAttemptRecord(table.records[0], attemptColumns(table.header), table.header.length, context);
}

describe("attempt rows", () => {
  // DESIGN.md lists these spellings; case and surrounding space do not matter.
  const spellings = [
    ["voicemail", "voicemail"],
    ["Left Voicemail", "voicemail"],
    ["VM-Left", "voicemail"],
    ["vm-dropped", "voicemail"],
    ["no-message", "no-message"],
    ["No Answer", "no-message"],
    ["no-answer", "no-message"],
    ["BUSY", "no-message"],
    ["connected", "connected"],
    ["Answered", "connected"],
    ["left  live message", "connected"],
    ["bad-number", "bad-number"],
    ["Wrong Number", "bad-number"],
    [" bad number ", "bad-number"],
  ] as const;
  it.each(spellings)("outcome “%s” → %s", (spelled, outcome) => {
    const row = attempt(`2025-03-03T09:00,rita@acme.test,Dana,516-541-8160,,${spelled},Opener,24,`);
    expect(isRowError(row)).toBe(false);
    expect(row).toMatchObject({ outcome, scriptTitle: outcome === "voicemail" ? "Opener" : null, messageSeconds: outcome === "voicemail" ? 24 : null });
  });

  it("caches phones per number, not per spelling, and always answers what normalisePhone answers", () => {
    // Spellings from phone.test.ts, including ones that share digits but not a meaning.
    const spellings = ["516-541-8160", "(516) 541-8160", "516.541.8160", "1-516-541-8160", "+1 516 541 8160", "+15165418160", "516-541-816", "+1 (516) 541-8160 ext. 12", "44 20 7946 0958", "+44 20 7946 0958", "020 7946 0958", "1-800-FLOWERS"];
    for (const order of [spellings, [...spellings].reverse()]) {
      const shared = { ...context, phones: new Map<string, string | null>() };
      for (const spelled of order) {
        const table = readCsv(`${HEADER}\n2025-03-03T09:00,rita@acme.test,Dana,"${spelled}",,busy,,,\n`);
        const row = mapAttemptRecord(table.records[0], attemptColumns(table.header), table.header.length, shared);
        const expected = normalisePhone(spelled, "US");
        if (expected === null) expect(isRowError(row)).toBe(true);
        else expect(row).toMatchObject({ prospectPhone: expected });
      }
      // 516-541-8160, (516) 541-8160 and 516.541.8160 share an entry, as do the two +1 spellings.
      expect([...shared.phones.keys()]).toEqual(expect.arrayContaining(["5165418160", "+15165418160", "1-800-FLOWERS"]));
      expect(shared.phones.size).toBeLessThan(order.length);
    }
  });

  it("covers every spelling DESIGN.md lists", () => {
    expect(Object.keys(OUTCOME_SPELLINGS)).toHaveLength(14);
  });

  it("maps a full row, normalising phone and email and undoing export escaping", () => {
    expect(attempt(`2025-03-03T09:00,Rita@Acme.test,Dana Whitfield,(516) 541-8160,'=Harbor,voicemail,'+Plus opener,24,"left at 9, no answer"`)).toEqual({
      line: 2,
      at: new Date("2025-03-03T14:00:00Z"),
      repEmail: "rita@acme.test",
      prospectName: "Dana Whitfield",
      prospectPhone: "+15165418160",
      prospectCompany: "=Harbor",
      outcome: "voicemail",
      scriptTitle: "+Plus opener",
      messageSeconds: 24,
      notes: "left at 9, no answer",
    });
  });

  it("accepts columns in any order and header spellings like “Rep Email”, reporting unknown ones", () => {
    const header = "Outcome,Prospect Phone,Owner,prospect-name,Rep Email,TIME";
    const columns = attemptColumns(header.split(","));
    expect(columns.ignored).toEqual(["Owner"]);
    expect(columns.mapping).toContainEqual({ column: "Rep Email", field: "rep_email" });
    expect(attempt("no answer,5165418160,someone,Dana,rita@acme.test,2025-03-03T09:00", header)).toMatchObject({ outcome: "no-message", prospectCompany: null, notes: null });
  });

  const bad = [
    { name: "empty outcome and bad phone, both reported", row: "2025-03-03T09:00,rita@acme.test,Dana,12,,,,,", reason: "prospect_phone “12” is not a phone number; outcome is empty" },
    { name: "unknown outcome", row: "2025-03-03T09:00,rita@acme.test,Dana,5165418160,,hung up,,,", reason: /outcome “hung up” is not one of/ },
    { name: "voicemail without script", row: "2025-03-03T09:00,rita@acme.test,Dana,5165418160,,voicemail,,,", reason: /needs the title of the script/ },
    { name: "message seconds out of range", row: "2025-03-03T09:00,rita@acme.test,Dana,5165418160,,voicemail,Opener,0,", reason: /message_seconds “0”/ },
    { name: "message seconds not a number", row: "2025-03-03T09:00,rita@acme.test,Dana,5165418160,,voicemail,Opener,24s,", reason: /message_seconds “24s”/ },
    { name: "bad email", row: "2025-03-03T09:00,rita,Dana,5165418160,,busy,,,", reason: /rep_email “rita” is not an email/ },
    { name: "no name", row: "2025-03-03T09:00,rita@acme.test,,5165418160,,busy,,,", reason: "prospect_name is empty" },
    { name: "bad time", row: "3/3/2025,rita@acme.test,Dana,5165418160,,busy,,,", reason: /not ISO 8601/ },
    { name: "too few fields (a truncated row)", row: "2025-03-03T09:00,rita@acme.test,Dana", reason: "has 3 fields but the header has 9" },
    { name: "control characters in notes", row: "2025-03-03T09:00,rita@acme.test,Dana,5165418160,,busy,,,a\u0007b", reason: /notes contains control characters/ },
  ];
  it.each(bad)("$name → a line-numbered reason", ({ row, reason }) => {
    const mapped = attempt(row);
    expect(isRowError(mapped)).toBe(true);
    expect(mapped).toMatchObject({ line: 2 });
    if (isRowError(mapped)) expect(mapped.reason).toMatch(reason);
  });

  it("refuses a header missing required columns, naming them", () => {
    expect(() => attemptColumns(["time", "outcome", "notes"])).toThrow(CsvError);
    expect(() => attemptColumns(["time", "outcome", "notes"])).toThrow(/rep_email, prospect_name, prospect_phone/);
    expect(() => attemptColumns(["time", "Time", "rep_email", "prospect_name", "prospect_phone", "outcome"])).toThrow(/time appears twice/);
  });
});

describe("callback rows", () => {
  const header = "time,prospect_phone,result,notes";
  const callback = (row: string) => {
    const table = readCsv(`${header}\n${row}\n`);
    return mapCallbackRecord(table.records[0], callbackColumns(table.header), table.header.length, context);
  };
  const results = [
    ["appointment", "appointment"],
    ["Meeting Booked", "appointment"],
    ["interested", "interested"],
    ["not-interested", "not-interested"],
    ["Not Interested", "not-interested"],
    ["other", "other"],
  ] as const;
  it.each(results)("result “%s” → %s", (spelled, result) => {
    expect(callback(`2025-03-03T10:30,+1 516 541 8160,${spelled},`)).toEqual({
      line: 2,
      at: new Date("2025-03-03T15:30:00Z"),
      prospectPhone: "+15165418160",
      result,
      notes: null,
    });
  });

  it("reports a bad result and a missing phone together", () => {
    expect(callback("2025-03-03T10:30,,maybe,")).toEqual({ line: 2, reason: "prospect_phone is empty; result “maybe” is not one of appointment (or meeting booked), interested, not-interested, other" });
  });
});
