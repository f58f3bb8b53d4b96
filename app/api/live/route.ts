import { liveStream } from "@/server/http/live-stream";
import { memberOfRequest } from "../csv-download";

// The signed-in member's team's changes as Server-Sent Events: the team is the session's.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const member = await memberOfRequest(request);
  if (member instanceof Response) return member;
  return liveStream(request, member.actor.teamId, `user:${member.actor.userId}`);
}
