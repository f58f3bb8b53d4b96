import { getDb } from "@/db/client";
import { validTwilioSignature } from "@/server/domain/webhook-signatures";
import { twilioStatusCells } from "@/server/domain/webhook-calls";
import { boundedBody } from "@/server/http/bounded-body";
import { WEBHOOK_BODY_LIMIT_BYTES } from "@/server/http/request-bodies";
import { liveIntegration, webhookUrl } from "@/server/services/integrations";
import { receiveWebhookCall } from "@/server/services/webhooks";
import { callAnswer, ignored, problem, unknownIntegration, unverified } from "../../webhook-answers";

// Twilio's status callbacks: form-encoded, signed with X-Twilio-Signature over the URL Twilio
// called. That URL is the public one pasted into the console (the configured origin and this
// path, with the query string as sent), not the Host this process sees behind a proxy.
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  const hook = await liveIntegration(db, "twilio", id);
  if (!hook) return unknownIntegration();
  const body = await boundedBody(request, WEBHOOK_BODY_LIMIT_BYTES);
  if (!body) return problem(413, `A status callback is at most ${WEBHOOK_BODY_LIMIT_BYTES.toLocaleString("en-US")} bytes.`);
  if (!/^application\/x-www-form-urlencoded/i.test(request.headers.get("content-type") ?? "")) return problem(415, "Twilio posts application/x-www-form-urlencoded.");
  const form = [...new URLSearchParams(body.toString("utf8"))];
  const url = webhookUrl("twilio", id) + new URL(request.url).search;
  if (!validTwilioSignature(hook.secret, url, form, request.headers.get("x-twilio-signature"))) {
    return unverified(`X-Twilio-Signature does not match this integration's auth token over ${url}.`);
  }
  const cells = twilioStatusCells(form, new Date());
  if ("ignored" in cells) return ignored(cells.ignored);
  return callAnswer(await receiveWebhookCall(db, hook, "twilio", cells));
}
