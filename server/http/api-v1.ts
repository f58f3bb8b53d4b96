import { ZodError } from "zod";
import { getBudgetStore } from "@/db/budget-store";
import { getDb, type Db } from "@/db/client";
import { idempotencyKey } from "@/server/domain/api-bodies";
import type { Actor } from "@/server/services/actor";
import { authenticateApiKey } from "@/server/services/api-keys";
import { DomainError, domainErrorCode, InvalidField, RateLimited } from "@/server/services/errors";
import { spendBudget, type BudgetRule } from "@/server/services/request-budget";
import { NO_STORE } from "@/server/request-guard";
import { BODY_LIMIT_BYTES } from "./request-bodies";

// The REST API's edge (/api/v1, issue 14): the bearer key, the key's request budget, a bounded
// JSON body, and every refusal as an RFC 9457 problem document naming the offending field. The
// status of a domain error comes from the same table tRPC's codes do (services/errors.ts).

export type FieldError = { field: string; message: string };
export type Problem = { type: string; title: string; status: number; detail: string; errors?: FieldError[] };

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
};

export function problem(status: number, detail: string, errors?: FieldError[], headers: Record<string, string> = {}): Response {
  const body: Problem = { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, ...(errors ? { errors } : {}) };
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/problem+json", "cache-control": NO_STORE, ...headers } });
}

export const apiJson = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": NO_STORE } });

const fieldOf = (path: PropertyKey[]) => path.map(String).join(".") || "body";

/** A refusal the caller can act on; anything else is ours, logged, and a bare 500. */
export function problemOf(error: unknown): Response {
  if (error instanceof ZodError) {
    const errors = error.issues.map((i) => ({ field: fieldOf(i.path), message: i.message }));
    return problem(422, `The request has ${errors.length === 1 ? "a field" : "fields"} we cannot accept: ${errors.map((e) => e.field).join(", ")}.`, errors);
  }
  if (error instanceof RateLimited) return problem(429, error.message, undefined, { "retry-after": String(error.retryAfterSeconds) });
  if (error instanceof DomainError) {
    const status = domainErrorCode(error)[2];
    return problem(status, error.message, error instanceof InvalidField ? [{ field: error.field, message: error.message }] : undefined);
  }
  console.error("REST API request failed:", error);
  return problem(500, "Something went wrong on our side.");
}

/** Requests one key may make: a burst, then a steady rate (RINGBACK_API_REQUESTS_PER_SECOND). */
export function apiKeyRule(): BudgetRule {
  const value = Number(process.env.RINGBACK_API_REQUESTS_PER_SECOND);
  const perSecond = Number.isFinite(value) && value > 0 ? value : 10;
  return { bucket: "api", burst: Math.max(60, Math.round(perSecond * 6)), perSecond, message: "Too many requests with this API key; wait a moment and try again." };
}

const CHALLENGE = 'Bearer realm="ringback"';

/** The actor a request's bearer key acts as, or the 401 that refuses it. */
async function keyActor(db: Db, request: Request): Promise<(Actor & { keyId: number }) | Response> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return problem(401, "Send a team API key: Authorization: Bearer <key>.", undefined, { "www-authenticate": CHALLENGE });
  const actor = await authenticateApiKey(db, match[1]);
  if (!actor) return problem(401, "This API key is not valid: unknown, revoked, or its creator left the team.", undefined, { "www-authenticate": `${CHALLENGE}, error="invalid_token"` });
  return actor;
}

/** The JSON body, read at most BODY_LIMIT_BYTES, or the problem that refuses it. */
async function jsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json(\s*;|$)/i.test(type)) return problem(415, "Send the body as application/json.");
  const declared = Number(request.headers.get("content-length"));
  const tooLarge = () => problem(413, `The request body is larger than ${BODY_LIMIT_BYTES.toLocaleString("en-US")} bytes.`);
  if (Number.isFinite(declared) && declared > BODY_LIMIT_BYTES) return tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > BODY_LIMIT_BYTES) {
        await reader.cancel();
        return tooLarge();
      }
      chunks.push(value);
    }
  }
  try {
    return { json: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown };
  } catch {
    return problem(400, "The body is not valid JSON.");
  }
}

/** The request's Idempotency-Key, none, or the 422 problem for one that is not usable. */
export function idempotencyKeyOf(request: Request): string | undefined | Response {
  const header = request.headers.get("idempotency-key");
  if (header === null) return undefined;
  const parsed = idempotencyKey.safeParse(header);
  if (!parsed.success) return problem(422, "The Idempotency-Key header is not usable.", [{ field: "Idempotency-Key", message: parsed.error.issues[0].message }]);
  return parsed.data;
}

type Handler = (call: { db: Db; actor: Actor; request: Request; body: unknown; idempotencyKey?: string }) => Promise<Response>;

/** A REST route: key, budget, body (for POST), then `handle`; every refusal a problem document. */
export function apiRoute(handle: Handler, { readsBody = false } = {}) {
  return async (request: Request): Promise<Response> => {
    try {
      const db = await getDb();
      const actor = await keyActor(db, request);
      if (actor instanceof Response) return actor;
      await spendBudget(getBudgetStore(), `apikey:${actor.keyId}`, apiKeyRule());
      let body: unknown;
      if (readsBody) {
        const read = await jsonBody(request);
        if (read instanceof Response) return read;
        body = (read as { json: unknown }).json;
      }
      const key = idempotencyKeyOf(request);
      if (key instanceof Response) return key;
      return await handle({ db, actor: { userId: actor.userId, teamId: actor.teamId, role: actor.role }, request, body, idempotencyKey: key });
    } catch (error) {
      return problemOf(error);
    }
  };
}
