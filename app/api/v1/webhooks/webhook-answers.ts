import type { CallRecordResult } from "@/server/services/call-imports";
import { problem } from "@/server/http/api-v1";
import { NO_STORE } from "@/server/request-guard";

// What the webhook receivers answer. A provider retries (and Aircall, after repeated failures,
// disables the webhook) on anything but 2xx, so an event that is no call of the team's is a 200
// with the reason, never an error; only a sender that proves nothing (401), a URL that names no
// live integration (404) or a body that is not the provider's shape (400, 413) is refused.

const headers = { "cache-control": NO_STORE };

export { problem };
export const unknownIntegration = () => problem(404, "No live integration has this URL.");
export const unverified = (detail: string) => problem(401, detail);
export const ignored = (reason: string) => Response.json({ result: "ignored", reason }, { headers });

export function callAnswer(result: CallRecordResult): Response {
  switch (result.kind) {
    case "dial":
      return Response.json({ result: "dial", dial_id: result.id, outcome: result.outcome, voicemail_number: result.voicemailNumber, repeat: result.repeat, merged: result.merged }, { headers });
    case "callback":
      return Response.json({ result: "callback", callback_id: result.id, credited_dial_id: result.creditedAttemptId, repeat: result.repeat, merged: result.merged }, { headers });
    default:
      return ignored(result.reason);
  }
}

