import { CALL_SOURCE_LABELS } from "@/lib/inputs/imports";
import type { CallSource } from "./source";

// HubSpot calls exported with their API property names. hs_call_disposition holds a GUID (the
// defaults below are HubSpot's documented outcome ids) or, in some exports, the label.
export const hubspot: CallSource = {
  id: "hubspot",
  label: CALL_SOURCE_LABELS.hubspot,
  signature: ["hs_timestamp", "hubspot_owner_id", "hs_call_direction", "hs_call_disposition"],
  columns: {
    callId: "hs_object_id",
    time: "hs_timestamp",
    rep: "hubspot_owner_id",
    direction: "hs_call_direction",
    status: "hs_call_status",
    outcome: "hs_call_disposition",
    duration: "hs_call_duration",
    from: "hs_call_from_number",
    to: "hs_call_to_number",
    notes: "hs_call_body",
    contactName: "hs_call_title",
  },
  time: { format: "iso", zone: "utc" },
  duration: "ms",
  repIdentifier: "owner id",
  directions: { outbound: "outbound", inbound: "inbound" },
  outcomes: {
    "b2cf5968-551e-4856-9783-52b3da59a7d0": "voicemail",
    "left voicemail": "voicemail",
    "73a0d17f-1163-4015-bdd5-ec830791da20": "no-message",
    "no answer": "no-message",
    "9d9162e7-6cf3-4944-bf63-4dff82258764": "no-message",
    busy: "no-message",
    "f240bbac-87c9-4f6e-bf70-924b57d47db7": "connected",
    connected: "connected",
    "a4c4c377-d246-4b32-a13b-75a56a4cd0ff": "connected",
    "left live message": "connected",
    "17b47fee-58de-441e-a44c-c6300d46f273": "bad-number",
    "wrong number": "bad-number",
  },
  skips: [
    { field: "status", values: ["failed", "canceled", "queued", "ringing", "connecting", "in_progress"], reason: "not a completed call (hs_call_status)" },
  ],
  phones: { prospect: { outbound: "to", inbound: "from" }, rep: { outbound: "from", inbound: "to" } },
};
