"use client";

import { IntentLink } from "@/app/_components/intent-link";
import { Card } from "@/app/_components/ui";

/**
 * A stats view the server refuses (a range too wide, dates outside the allowed years) says why,
 * instead of the page silently showing another period.
 */
export default function LeaderboardError({ error }: { error: Error }) {
  return (
    <Card title="This view cannot be shown">
      <p role="alert" className="text-sm text-bad">
        {error.message || "The statistics for this view could not be read."}
      </p>
      <p className="mt-3 text-sm">
        <IntentLink href="/leaderboard" className="font-medium text-accent hover:underline">
          Open the leaderboard for all time
        </IntentLink>
      </p>
    </Card>
  );
}
