import { openDatabase } from "@/db/client";
import { leaderboard } from "@/server/services/stats";
import { percentile } from "./load";

// The leaderboard service called directly on better-sqlite3 in the bench process, like the naive
// GROUP BY: the like-for-like comparison (both without HTTP, auth and tRPC). It runs while the
// background writes reach the server, so its cache reloads the days they move; a pause between
// calls lets those writes keep being sent from this process.

export async function serviceBoardMs(file: string, teamId: string, ownerId: string, calls: number): Promise<{ p50: number; p95: number }> {
  const db = await openDatabase(file);
  const actor = { userId: ownerId, teamId, role: "owner" as const };
  const times: number[] = [];
  try {
    for (let i = -10; i < calls; i++) {
      const started = performance.now();
      await leaderboard(db, actor, { by: i % 2 ? "rep" : "script", range: "90d" });
      if (i >= 0) times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await db.$close();
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}
