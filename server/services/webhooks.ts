import { eq } from "drizzle-orm";
import { teamTransaction } from "@/db/team-writes";
import type { Db } from "@/db/client";
import { integration } from "@/db/schema";
import type { CallCells } from "@/server/domain/webhook-calls";
import { writeCallRecord, type CallRecordResult } from "./call-imports";
import type { LiveIntegration } from "./integrations";

// A telephony webhook's call (Live issue), once its sender is verified: one transaction writes
// the call through the import path's rules (a repeat of the provider's call id, or a dial
// already logged by hand within 2 minutes, writes nothing) and the integration's last event.

export async function receiveWebhookCall(db: Db, hook: LiveIntegration, source: "twilio" | "aircall", cells: CallCells, now = new Date()): Promise<CallRecordResult> {
  return teamTransaction(db, hook.actor.teamId, async (tx) => {
    const result = await writeCallRecord(tx, hook.actor, source, cells, now);
    await tx.update(integration).set({ lastEventAt: now }).where(eq(integration.id, hook.id)).run();
    return result;
  });
}
