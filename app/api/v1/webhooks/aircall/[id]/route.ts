import { getDb } from "@/db/client";
import { aircallCallCells, aircallEnvelope } from "@/server/domain/webhook-calls";
import { validAircallToken } from "@/server/domain/webhook-signatures";
import { boundedBody } from "@/server/http/bounded-body";
import { WEBHOOK_BODY_LIMIT_BYTES } from "@/server/http/request-bodies";
import { liveIntegration } from "@/server/services/integrations";
import { receiveWebhookCall } from "@/server/services/webhooks";
import { callAnswer, ignored, problem, unknownIntegration, unverified } from "../../webhook-answers";

// Aircall's webhooks: JSON {event, resource, timestamp, token, data}, proven by the token alone
// (Aircall signs nothing), compared in constant time before anything else of the body is used.
export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  const hook = await liveIntegration(db, "aircall", id);
  if (!hook) return unknownIntegration();
  const body = await boundedBody(request, WEBHOOK_BODY_LIMIT_BYTES);
  if (!body) return problem(413, `An event is at most ${WEBHOOK_BODY_LIMIT_BYTES.toLocaleString("en-US")} bytes.`);
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return unverified("The body is not JSON, so it carries no token.");
  }
  const token = typeof json === "object" && json !== null ? (json as { token?: unknown }).token : undefined;
  if (!validAircallToken(hook.secret, token)) return unverified("The event's token is not this integration's webhook token.");
  const envelope = aircallEnvelope.safeParse(json);
  if (!envelope.success) return problem(400, `Not an Aircall event: ${envelope.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  const cells = aircallCallCells(envelope.data.event, envelope.data.data);
  if ("ignored" in cells) return ignored(cells.ignored);
  if ("invalid" in cells) return problem(400, cells.invalid);
  return callAnswer(await receiveWebhookCall(db, hook, "aircall", cells));
}
