import { CALL_SOURCE_LABELS } from "@/lib/inputs/imports";
import type { CallSource } from "./source";

// Salesforce Task exports with API names. A task records no phone number: the prospect is its
// WhoId (a contact or lead id), and CallDisposition is free text per org, read with the common
// CTI defaults.
export const salesforce: CallSource = {
  id: "salesforce",
  label: CALL_SOURCE_LABELS.salesforce,
  signature: ["id", "tasksubtype", "ownerid", "whoid", "calltype"],
  columns: {
    callId: "id",
    kind: "tasksubtype",
    status: "status",
    time: "completeddatetime",
    date: "activitydate",
    rep: "ownerid",
    contactId: "whoid",
    direction: "calltype",
    duration: "calldurationinseconds",
    outcome: "calldisposition",
    notes: "description",
  },
  time: { format: "iso", zone: "utc" },
  duration: "seconds",
  repIdentifier: "owner id",
  directions: { outbound: "outbound", inbound: "inbound", internal: { skip: "an internal call (CallType Internal)" } },
  outcomes: {
    "left voicemail": "voicemail",
    "no answer": "no-message",
    busy: "no-message",
    contact: "connected",
    connected: "connected",
    "left live message": "connected",
    "bad number": "bad-number",
    "wrong number": "bad-number",
  },
  skips: [
    { field: "kind", except: ["call"], reason: "not a call (TaskSubtype)" },
    { field: "status", except: ["completed"], reason: "not a completed call (Status)" },
  ],
};
