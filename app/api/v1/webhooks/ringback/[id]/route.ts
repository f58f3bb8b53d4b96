import { getDb } from "@/db/client";
import { verifyRingbackSignature } from "@/server/domain/webhook-signatures";
import { apiJson, idempotencyKeyOf, problemOf } from "@/server/http/api-v1";
import { boundedBody } from "@/server/http/bounded-body";
import { WEBHOOK_BODY_LIMIT_BYTES } from "@/server/http/request-bodies";
import { recordApiCallback, recordApiDial } from "@/server/services/api-calls";
import { liveIntegration } from "@/server/services/integrations";
import { problem, unknownIntegration, unverified } from "../../webhook-answers";

// The generic webhook: the REST API's dial or callback body (a body with an `outcome` is a dial),
// signed `X-Ringback-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">` with the integration's
// generated secret, refused outside five minutes. It answers exactly as POST /api/v1/dials or
// /callbacks would, as the integration's creator: a retry with the same external_id (or
// Idempotency-Key) gets the first answer.
export const dynamic = "force-dynamic";

const REASONS = {
  missing: "X-Ringback-Signature is missing.",
  malformed: "X-Ringback-Signature must read t=<unix seconds>,v1=<hex HMAC-SHA256>.",
  expired: "X-Ringback-Signature's time is more than 5 minutes from ours; sign each delivery when it is sent.",
  mismatch: "X-Ringback-Signature does not match this integration's secret over t.body.",
} as const;

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const db = await getDb();
  const hook = await liveIntegration(db, "ringback", id);
  if (!hook) return unknownIntegration();
  const raw = await boundedBody(request, WEBHOOK_BODY_LIMIT_BYTES);
  if (!raw) return problem(413, `A delivery is at most ${WEBHOOK_BODY_LIMIT_BYTES.toLocaleString("en-US")} bytes.`);
  const text = raw.toString("utf8");
  const verdict = verifyRingbackSignature(hook.secret, request.headers.get("x-ringback-signature"), text, new Date());
  if (!verdict.ok) return unverified(REASONS[verdict.reason]);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return problem(400, "The body is not JSON.", [{ field: "body", message: "Expected a JSON object." }]);
  }
  const key = idempotencyKeyOf(request);
  if (key instanceof Response) return key;
  try {
    const isDial = typeof body === "object" && body !== null && "outcome" in body;
    const record = isDial ? recordApiDial : recordApiCallback;
    return apiJson(await record(db, hook.actor, body, { idempotencyKey: key }), 201);
  } catch (error) {
    return problemOf(error);
  }
}
