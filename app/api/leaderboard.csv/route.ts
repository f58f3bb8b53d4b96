import { leaderboardFromSearchParams } from "@/lib/inputs/leaderboard";
import { leaderboardCsv, leaderboardCsvFileName } from "@/server/services/leaderboard-csv";
import { csvResponse, memberOfRequest, statsBudgetRefusal } from "../csv-download";

// The leaderboard CSV download: the page's own search parameters, read by the same parser, so the
// file holds exactly the view on screen.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const member = await memberOfRequest(request);
  if (member instanceof Response) return member;
  const refused = await statsBudgetRefusal(member.actor);
  if (refused) return refused;
  const input = leaderboardFromSearchParams(new URL(request.url).searchParams);
  return csvResponse(await leaderboardCsv(member.db, member.actor, input), leaderboardCsvFileName(input));
}
