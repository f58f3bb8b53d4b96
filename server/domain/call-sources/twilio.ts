import { CALL_SOURCE_LABELS } from "@/lib/inputs/imports";
import type { CallSource } from "./source";

// Twilio Call records: RFC 2822 times, no rep (the calling number is the rep's, or --rep says
// who), and answered_by when answering-machine detection ran.
export const twilio: CallSource = {
  id: "twilio",
  label: CALL_SOURCE_LABELS.twilio,
  signature: ["sid", "date_created", "start_time", "status", "direction", "from", "to", "from_formatted", "to_formatted"],
  columns: {
    callId: "sid",
    time: "start_time",
    status: "status",
    outcome: "status",
    answeredBy: "answered_by",
    direction: "direction",
    duration: "duration",
    from: "from",
    to: "to",
  },
  time: { format: "rfc2822", zone: "utc" },
  duration: "seconds",
  repIdentifier: "none",
  directions: { inbound: "inbound", "outbound-api": "outbound", "outbound-dial": "outbound" },
  outcomes: { completed: "connected", "no-answer": "no-message", busy: "no-message" },
  answeredBy: { machine_end_beep: "voicemail", machine_end_silence: "voicemail", machine_end_other: "voicemail" },
  // `initiated` is a status callback's only (the Calls export never lists it): a webhook's first event of a call.
  skips: [{ field: "status", values: ["failed", "canceled", "queued", "initiated", "ringing", "in-progress"], reason: "not a completed call (status)" }],
  phones: { prospect: { outbound: "to", inbound: "from" }, rep: { outbound: "from", inbound: "to" } },
};
