import { CALL_SOURCE_LABELS } from "@/lib/inputs/imports";
import type { CallSource } from "./source";

// Pipedrive activities. The export records no phone number and no outcome for a plain "Call"
// activity; Aircall's integration writes its own activity types, which do say whether the call
// was answered. Due date and Due time are in UTC.
export const pipedrive: CallSource = {
  id: "pipedrive",
  label: CALL_SOURCE_LABELS.pipedrive,
  signature: ["id", "subject", "type", "done", "due_date", "due_time", "assigned_to_user", "contact_person"],
  columns: {
    callId: "id",
    kind: "type",
    outcome: "type",
    done: "done",
    date: "due_date",
    timeOfDay: "due_time",
    duration: "duration",
    rep: "assigned_to_user",
    contactName: "contact_person",
    company: "organization",
    notes: "note",
  },
  time: { format: "date-and-time", zone: "utc" },
  duration: "h:mm",
  repIdentifier: "name",
  outcomes: {
    "aircall outbound answered call": "connected",
    "aircall outbound unanswered call": "no-message",
    call: { skip: "a Call activity: the export carries no outcome" },
    meeting: { skip: "not a call (Meeting)" },
    task: { skip: "not a call (Task)" },
    deadline: { skip: "not a call (Deadline)" },
    email: { skip: "not a call (Email)" },
    lunch: { skip: "not a call (Lunch)" },
  },
  skips: [{ field: "done", values: ["to do"], reason: "a planned activity, not done (Done)" }],
};
