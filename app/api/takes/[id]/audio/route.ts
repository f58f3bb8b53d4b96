import { id } from "@/lib/inputs/fields";
import { NotFound } from "@/server/services/errors";
import { takeAudioFor } from "@/server/services/takes";
import { memberOfRequest, textResponse } from "../../../csv-download";

// A take's audio: the owner's own, or a teammate's shared take; anything else is a 404 that looks
// the same whether the take exists or not. A recording of someone's voice is never cached.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const member = await memberOfRequest(request);
  if (member instanceof Response) return member;
  const takeId = id.safeParse(Number((await params).id));
  if (!takeId.success) return textResponse("Take not found.", 404);
  try {
    const audio = await takeAudioFor(member.db, member.actor, takeId.data);
    return new Response(new Uint8Array(audio), {
      headers: { "content-type": "audio/webm", "content-length": String(audio.length), "cache-control": "private, no-store" },
    });
  } catch (error) {
    if (error instanceof NotFound) return textResponse(error.message, 404);
    throw error;
  }
}
