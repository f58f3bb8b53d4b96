import { describe, expect, it } from "vitest";
import { readCallRecord, sourceColumns } from "./call-log";
import { aircallCallCells, twilioStatusCells, type CallCells } from "./webhook-calls";

// A webhook's event must read, through the source's own table, as the row its export would list:
// each case is a documented payload (Twilio's status callback fields, Aircall's call.ended
// resource) and the call readCallRecord makes of the cells, worked out by hand from the
// fixtures in call-sources/fixtures (twilio.csv's CA0001 and CA0002, aircall.csv's rows).

const now = new Date("2025-03-10T00:00:00Z");
const context = { offsetAt: () => 0, region: "US", now };
const read = (source: "twilio" | "aircall", cells: CallCells) => {
  const header = Object.keys(cells);
  return readCallRecord({ line: 2, fields: Object.values(cells) }, sourceColumns(source, header), context);
};

const twilio = (fields: Record<string, string | undefined>) => Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined);

describe("twilioStatusCells", () => {
  it.each([
    {
      name: "a completed call a machine answered → a voicemail, started CallDuration seconds before the Timestamp",
      params: { CallSid: "CA0001", CallStatus: "completed", CallDuration: "26", Direction: "outbound-api", From: "+15165550100", To: "+15165418160", AnsweredBy: "machine_end_beep", Timestamp: "Mon, 03 Mar 2025 14:00:27 +0000" },
      expected: { kind: "call", callId: "CA0001", direction: "outbound", outcome: "voicemail", at: new Date("2025-03-03T14:00:01Z"), prospectPhone: "+15165418160", repPhone: "+15165550100", messageSeconds: 26 },
    },
    {
      name: "no answer → no message",
      params: { CallSid: "CA0002", CallStatus: "no-answer", CallDuration: "0", Direction: "outbound-api", From: "+15165550100", To: "+15165418161", Timestamp: "Mon, 03 Mar 2025 14:05:31 +0000" },
      expected: { kind: "call", callId: "CA0002", outcome: "no-message", at: new Date("2025-03-03T14:05:31Z"), messageSeconds: null },
    },
    {
      name: "a person answered → connected",
      params: { CallSid: "CA0003", CallStatus: "completed", CallDuration: "300", Direction: "outbound-dial", From: "+15165550100", To: "+15165418162", AnsweredBy: "human", Timestamp: "Mon, 03 Mar 2025 14:15:01 +0000" },
      expected: { kind: "call", outcome: "connected", at: new Date("2025-03-03T14:10:01Z") },
    },
    {
      name: "an inbound call → the caller is the prospect, the called number the rep's",
      params: { CallSid: "CA0005", CallStatus: "completed", CallDuration: "60", Direction: "inbound", From: "+15165418160", To: "+15165550100", Timestamp: "Mon, 03 Mar 2025 16:01:01 +0000" },
      expected: { kind: "call", direction: "inbound", outcome: null, prospectPhone: "+15165418160", repPhone: "+15165550100", at: new Date("2025-03-03T16:00:01Z") },
    },
    {
      name: "the first event of a call (initiated) → skipped",
      params: { CallSid: "CA0006", CallStatus: "initiated", Direction: "outbound-api", From: "+15165550100", To: "+15165418163", Timestamp: "Mon, 03 Mar 2025 14:20:00 +0000" },
      expected: { kind: "skip", reason: "not a completed call (status): initiated" },
    },
    {
      name: "a failed call → skipped",
      params: { CallSid: "CA0004", CallStatus: "failed", Direction: "outbound-api", From: "+15165550100", To: "+15165418163", Timestamp: "Mon, 03 Mar 2025 14:20:00 +0000" },
      expected: { kind: "skip", reason: "not a completed call (status): failed" },
    },
  ])("$name", ({ params, expected }) => {
    const cells = twilioStatusCells(twilio(params), now);
    expect("ignored" in cells).toBe(false);
    expect(read("twilio", cells as CallCells)).toMatchObject(expected);
  });

  it("places a callback without a Timestamp at its arrival, less its duration", () => {
    const cells = twilioStatusCells(twilio({ CallSid: "CA9", CallStatus: "busy", CallDuration: "10", Direction: "outbound-api", From: "+15165550100", To: "+15165418160" }), now) as CallCells;
    expect(read("twilio", cells)).toMatchObject({ kind: "call", outcome: "no-message", at: new Date(now.getTime() - 10_000) });
  });

  it("is no call without a CallSid", () => {
    expect(twilioStatusCells(twilio({ CallStatus: "completed" }), now)).toEqual({ ignored: "the status callback has no CallSid" });
  });
});

describe("aircallCallCells", () => {
  const maya = { id: 9, name: "Maya Lopez", email: "maya@example.test" };
  const line = { digits: "+1 516-555-0100" };
  it.each([
    {
      name: "an outbound call someone answered → connected, the user named by e-mail",
      data: { id: 1480001, direction: "outbound", started_at: 1741010400, answered_at: 1741010410, ended_at: 1741010710, raw_digits: "+1 516-541-8160", user: maya, number: line },
      expected: { kind: "call", callId: "1480001", direction: "outbound", outcome: "connected", at: new Date("2025-03-03T14:00:00Z"), prospectPhone: "+15165418160", rep: "maya@example.test", repPhone: "+15165550100" },
    },
    {
      name: "an outbound call nobody answered → no message",
      data: { id: 1480002, direction: "outbound", started_at: 1741011000, answered_at: null, ended_at: 1741011030, raw_digits: "+1 516-541-8161", user: maya, number: line },
      expected: { kind: "call", outcome: "no-message", prospectPhone: "+15165418161" },
    },
    {
      name: "an outbound call without a user → no rep named (the calling line or --rep decides)",
      data: { id: 1480003, direction: "outbound", started_at: 1741011600, raw_digits: "+1 516-541-8162", user: null, number: line },
      expected: { kind: "call", outcome: "no-message", rep: null, repPhone: "+15165550100" },
    },
    {
      name: "an inbound call that left a voicemail → a call from the prospect",
      data: { id: 1480004, direction: "inbound", started_at: 1741014000, answered_at: null, ended_at: 1741014040, raw_digits: "+1 516-541-8161", user: null, number: line, voicemail: "https://assets.aircall.io/voicemails/1480004.mp3" },
      expected: { kind: "call", direction: "inbound", outcome: null, prospectPhone: "+15165418161", repPhone: "+15165550100", at: new Date("2025-03-03T15:00:00Z") },
    },
  ])("$name", ({ data, expected }) => {
    const cells = aircallCallCells("call.ended", data);
    expect("ignored" in cells || "invalid" in cells).toBe(false);
    expect(read("aircall", cells as CallCells)).toMatchObject(expected);
  });

  it("writes the time in call as the export's h:mm:ss", () => {
    const cells = aircallCallCells("call.ended", { id: 1, direction: "outbound", started_at: 1741010400, answered_at: 1741010410, ended_at: 1741014071, raw_digits: "+15165418160" }) as CallCells;
    expect(cells["duration (in call)"]).toBe("1:01:01");
  });

  it.each([
    ["call.created", { ignored: "call.created is not call.ended" }],
    ["call.answered", { ignored: "call.answered is not call.ended" }],
    ["contact.updated", { ignored: "contact.updated is not call.ended" }],
  ])("is no call for %s", (event, expected) => {
    expect(aircallCallCells(event, {})).toEqual(expected);
  });

  it("says what is wrong with a call.ended that is not Aircall's shape", () => {
    expect(aircallCallCells("call.ended", { id: 1, direction: "sideways", started_at: 1 })).toEqual({ invalid: expect.stringContaining("direction") });
  });
});
