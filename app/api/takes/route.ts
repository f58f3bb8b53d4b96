import { TAKE_LIMITS, uploadTakeInput } from "@/lib/inputs/takes";
import { Conflict, DomainError, NotFound } from "@/server/services/errors";
import { saveTake } from "@/server/services/takes";
import { memberOfRequest, textResponse } from "../csv-download";
import { boundedBody } from "@/server/http/bounded-body";

// A rehearsal take's upload: the recorder's WebM as the body, the version and the browser's
// measured lengths in the query string. Only audio/webm is accepted, which also keeps other sites
// out: a cross-site page cannot send that content type without a CORS preflight nobody answers.
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const member = await memberOfRequest(request);
  if (member instanceof Response) return member;
  const type = request.headers.get("content-type") ?? "";
  if (!/^audio\/webm(\s*;|$)/i.test(type)) return textResponse("Send the take as audio/webm.", 415);
  const input = uploadTakeInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!input.success) return textResponse(input.error.issues.map((i) => i.message).join(" "), 400);
  const audio = await boundedBody(request, TAKE_LIMITS.uploadBytes);
  if (!audio) return textResponse(`A take is at most ${TAKE_LIMITS.uploadBytes / 1024 / 1024} MB.`, 413);
  try {
    return Response.json(await saveTake(member.db, member.actor, input.data, audio), { status: 201, headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof DomainError) return textResponse(error.message, error instanceof NotFound ? 404 : error instanceof Conflict ? 409 : 400);
    throw error;
  }
}
