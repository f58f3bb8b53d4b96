import { getDb } from "@/db/client";
import { liveStream } from "@/server/http/live-stream";
import { NO_STORE } from "@/server/request-guard";
import { displayLinkByToken } from "@/server/services/display-links";

// A sales-floor display's changes as Server-Sent Events: the team is the display link's, and a
// revoked or unknown link gets no stream.
export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const link = await displayLinkByToken(await getDb(), (await params).token);
  if (link.state !== "open") {
    const message = link.state === "revoked" ? "This display link was revoked." : "No such display link.";
    return new Response(`${message}\n`, { status: link.state === "revoked" ? 410 : 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": NO_STORE } });
  }
  return liveStream(request, link.teamId, `display:${link.id}`);
}
