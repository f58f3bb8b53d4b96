import { getBudgetStore } from "@/db/budget-store";
import { apiJson, apiRoute } from "@/server/http/api-v1";
import { apiLeaderboard } from "@/server/services/leaderboard-csv";
import { spendBudget, statsReadRule } from "@/server/services/request-budget";

export const dynamic = "force-dynamic";

// A board is a statistics read like the page's and the CSV's: it spends the key creator's budget of those too.
export const GET = apiRoute(async ({ db, actor, request }) => {
  await spendBudget(getBudgetStore(), actor.userId, statsReadRule());
  return apiJson(await apiLeaderboard(db, actor, Object.fromEntries(new URL(request.url).searchParams)));
});
