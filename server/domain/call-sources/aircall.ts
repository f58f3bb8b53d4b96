import { CALL_SOURCE_LABELS } from "@/lib/inputs/imports";
import type { CallSource } from "./source";

// Aircall's dashboard export (41 lower-case columns). `from`/`to` are digits without `+`,
// `customer number` is formatted, `user` is a full name; outcomes are only answered or not.
export const aircall: CallSource = {
  id: "aircall",
  label: CALL_SOURCE_LABELS.aircall,
  signature: ["datetime_(utc)", "direction", "from", "to", "answered", "user", "customer_number", "call_id"],
  columns: {
    callId: "call_id",
    time: "datetime_(utc)",
    direction: "direction",
    outcome: "answered",
    rep: "user",
    duration: "duration_(in_call)",
    prospectPhone: "customer_number",
    from: "from",
    to: "to",
    notes: "comments",
  },
  time: { format: "iso", zone: "utc" },
  duration: "h:mm:ss",
  repIdentifier: "name",
  noRep: ["[no associated user]"],
  directions: { outbound: "outbound", inbound: "inbound" },
  outcomes: { yes: "connected", no: "no-message" },
  phones: { prospect: { outbound: "prospectPhone", inbound: "prospectPhone" }, rep: { outbound: "from", inbound: "to" } },
};
