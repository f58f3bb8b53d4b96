import { apiJson, apiRoute } from "@/server/http/api-v1";
import { recordApiCallback } from "@/server/services/api-calls";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async ({ db, actor, body, idempotencyKey }) => apiJson(await recordApiCallback(db, actor, body, { idempotencyKey }), 201), { readsBody: true });
