// A provider's webhook event, turned into the row that provider's own call export would list
// (call-sources/twilio.ts, call-sources/aircall.ts), so that a webhook's call goes through the
// very rules and write path a file's row does (readCallRecord, writeCallRecord). Pure: the
// event in, the export's cells (header → value) out, or why the event is no call.

import { z } from "zod";

export type CallCells = Record<string, string>;
export type NotACall = { ignored: string };

/** Twilio's RFC 2822 instant, as its Calls export writes it (`toUTCString` is RFC 2822 with GMT). */
const rfc2822 = (at: Date) => at.toUTCString();

/**
 * A Twilio status callback's form fields (twilio.com/docs/voice/api/call-resource#statuscallback):
 * CallSid, CallStatus, Direction, From, To, CallDuration (completed calls), AnsweredBy (when
 * answering-machine detection ran) and Timestamp (RFC 2822, when the event fired: the call's end
 * for a completed call), read as the Calls export's columns. The call started CallDuration
 * seconds before Timestamp; without a Timestamp, before `receivedAt`.
 */
export function twilioStatusCells(params: readonly (readonly [string, string])[], receivedAt: Date): CallCells | NotACall {
  const field = (name: string) => params.find(([n]) => n === name)?.[1]?.trim() ?? "";
  const sid = field("CallSid");
  if (!sid) return { ignored: "the status callback has no CallSid" };
  const fired = field("Timestamp") ? new Date(Date.parse(field("Timestamp"))) : receivedAt;
  const end = Number.isNaN(fired.getTime()) ? receivedAt : fired;
  const duration = /^\d{1,6}$/.test(field("CallDuration")) ? Number(field("CallDuration")) : 0;
  const start = new Date(end.getTime() - duration * 1000);
  return {
    sid,
    date_created: rfc2822(start),
    start_time: rfc2822(start),
    end_time: rfc2822(end),
    duration: String(duration),
    status: field("CallStatus"),
    direction: field("Direction"),
    from: field("From"),
    from_formatted: field("From"),
    to: field("To"),
    to_formatted: field("To"),
    answered_by: field("AnsweredBy"),
  };
}

const seconds = z.number().int().min(0).max(4_102_444_800);

/** The envelope of every Aircall webhook (developer.aircall.io, "Webhooks"). */
export const aircallEnvelope = z.object({
  event: z.string().max(100),
  resource: z.string().max(100).optional(),
  timestamp: seconds.optional(),
  token: z.string().max(200),
  data: z.unknown(),
});

/** The `call` resource of a call.ended event: what the row needs, other fields let through. */
export const aircallCall = z.object({
  id: z.union([z.number().int(), z.string().min(1).max(100)]),
  direction: z.enum(["inbound", "outbound"]),
  started_at: seconds,
  answered_at: seconds.nullish(),
  ended_at: seconds.nullish(),
  duration: z.number().int().min(0).nullish(),
  raw_digits: z.string().max(40).nullish(),
  user: z.object({ id: z.union([z.number(), z.string()]).optional(), name: z.string().max(200).nullish(), email: z.string().max(254).nullish() }).nullish(),
  number: z.object({ digits: z.string().max(40).nullish() }).nullish(),
  voicemail: z.string().max(2000).nullish(),
});
export type AircallCall = z.infer<typeof aircallCall>;

/** Aircall's export writes durations as h:mm:ss. */
const clock = (total: number) => `${Math.floor(total / 3600)}:${String(Math.floor(total / 60) % 60).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;

/** Aircall's export names a call without a user so. */
const NO_USER = "[No associated user]";

/**
 * A call.ended event's call as the dashboard export's row: `answered` is whether anyone picked
 * up, the time in call runs from answered_at to ended_at, the user is named by e-mail (which
 * resolves a member before a name can), `customer number` is raw_digits and the Aircall line is
 * the rep's side of from/to. Only call.ended carries a finished call; other events are no call.
 */
export function aircallCallCells(event: string, data: unknown): CallCells | NotACall | { invalid: string } {
  if (event !== "call.ended") return { ignored: `${event.slice(0, 100)} is not call.ended` };
  const parsed = aircallCall.safeParse(data);
  if (!parsed.success) return { invalid: `data: ${parsed.error.issues.map((i) => `${i.path.join(".") || "data"} ${i.message}`).join("; ")}` };
  const call = parsed.data;
  const inCall = call.answered_at && call.ended_at && call.ended_at > call.answered_at ? call.ended_at - call.answered_at : 0;
  const line = call.number?.digits ?? "";
  const customer = call.raw_digits ?? "";
  return {
    "call id": String(call.id),
    "datetime (utc)": new Date(call.started_at * 1000).toISOString(),
    direction: call.direction,
    from: call.direction === "outbound" ? line : customer,
    to: call.direction === "outbound" ? customer : line,
    answered: call.answered_at ? "Yes" : "No",
    user: call.user?.email?.trim() || call.user?.name?.trim() || NO_USER,
    "duration (in call)": clock(inCall),
    voicemail: call.voicemail ?? "",
    "customer number": customer,
    comments: "",
  };
}
