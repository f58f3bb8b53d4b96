import { CALL_SOURCE_LABELS } from "@/lib/inputs/imports";
import type { CallSource } from "./source";

// Close's call export script: E.164 phones, ISO times with +00:00 and microseconds, the rep by
// updated_by_name. A `blocked` call often carries no valid number; the contact still names it.
export const close: CallSource = {
  id: "close",
  label: CALL_SOURCE_LABELS.close,
  signature: ["id", "user_id", "disposition", "direction", "date_created", "remote_phone", "local_phone"],
  columns: {
    callId: "id",
    time: "date_created",
    rep: "updated_by_name",
    direction: "direction",
    outcome: "disposition",
    duration: "duration",
    prospectPhone: "remote_phone",
    repPhone: "local_phone",
    contactId: "contact_id",
    contactName: "contact_name",
    company: "lead_name",
  },
  time: { format: "iso", zone: "utc" },
  duration: "seconds",
  repIdentifier: "name",
  directions: { outbound: "outbound", inbound: "inbound" },
  outcomes: {
    "vm-left": "voicemail",
    "no-answer": "no-message",
    busy: "no-message",
    "vm-answer": "no-message",
    abandoned: "no-message",
    answered: "connected",
    blocked: "bad-number",
  },
  skips: [{ field: "outcome", values: ["error"], reason: "the call failed (disposition error)" }],
  phones: { prospect: { outbound: "prospectPhone", inbound: "prospectPhone" }, rep: { outbound: "repPhone", inbound: "repPhone" } },
};
