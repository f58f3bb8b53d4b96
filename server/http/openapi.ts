import { z } from "zod";
import { apiCallbackBody, apiDialBody, apiLeaderboardQuery } from "@/server/domain/api-bodies";
import { LEADERBOARD_CSV_COLUMNS } from "@/server/services/leaderboard-csv";

// /api/v1/openapi.json, generated from the zod schemas the routes validate with: OpenAPI 3.1's
// schemas are JSON Schema 2020-12, which is what z.toJSONSchema writes. Bodies are described as
// the caller sends them (`io: "input"`), before spellings are read.

const schemaOf = (schema: z.ZodType) => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12", unrepresentable: "any" }) as Record<string, unknown>;
  void _dialect;
  return rest;
};

const problem = {
  type: "object",
  required: ["type", "title", "status", "detail"],
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: { type: "array", items: { type: "object", required: ["field", "message"], properties: { field: { type: "string" }, message: { type: "string" } } } },
  },
};

const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: `Problem (${s})`, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } }]));

const idempotencyHeader = { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 }, description: "A retry with the same key returns the first answer." };

const dialAnswer = {
  type: "object",
  required: ["id", "attempt_number", "time", "outcome", "rep_email", "prospect", "script", "external_id"],
  properties: {
    id: { type: "integer" },
    attempt_number: { type: ["integer", "null"], description: "The voicemail's ordinal among the prospect's voicemails; null for other outcomes." },
    time: { type: "string", format: "date-time" },
    outcome: { type: "string", enum: ["voicemail", "no-message", "connected", "bad-number"] },
    rep_email: { type: "string" },
    prospect: { type: "object", properties: { id: { type: "integer" }, name: { type: "string" }, phone: { type: ["string", "null"] } } },
    script: { type: ["string", "null"] },
    external_id: { type: ["string", "null"] },
  },
};

const callbackAnswer = {
  type: "object",
  required: ["id", "time", "result", "credited_to"],
  properties: {
    id: { type: "integer" },
    time: { type: "string", format: "date-time" },
    result: { type: "string" },
    prospect_id: { type: "integer" },
    external_id: { type: ["string", "null"] },
    credited_to: {
      oneOf: [
        { type: "null" },
        { type: "object", properties: { dial_id: { type: "integer" }, rep_email: { type: "string" }, script: { type: ["string", "null"] }, voicemail_number: { type: ["integer", "null"] } } },
      ],
    },
    reason: { type: "string", enum: ["no-voicemail-before", "outside-window"], description: "Why nothing was credited." },
  },
};

export function openApiDocument() {
  const query = schemaOf(apiLeaderboardQuery) as { properties: Record<string, object>; required?: string[] };
  return {
    openapi: "3.1.0",
    info: { title: "Ringback API", version: "1.0.0", description: "Dials, callbacks and the leaderboard of the team an API key belongs to." },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    paths: {
      "/dials": {
        post: {
          summary: "Log a dial",
          parameters: [idempotencyHeader],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/DialBody" } } } },
          responses: { "201": { description: "The dial (or, for a retry, the first answer)", content: { "application/json": { schema: dialAnswer } } }, ...problems(400, 401, 403, 409, 413, 415, 422, 429) },
        },
      },
      "/callbacks": {
        post: {
          summary: "Log a callback, credited to the voicemail that caused it",
          parameters: [idempotencyHeader],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/CallbackBody" } } } },
          responses: { "201": { description: "The callback and its credit", content: { "application/json": { schema: callbackAnswer } } }, ...problems(400, 401, 409, 413, 415, 422, 429) },
        },
      },
      "/leaderboard": {
        get: {
          summary: "The leaderboard, as the leaderboard CSV's rows",
          parameters: Object.entries(query.properties).map(([name, schema]) => ({ name, in: "query", required: query.required?.includes(name) ?? false, schema })),
          responses: {
            "200": {
              description: "Rows with the leaderboard CSV's columns",
              content: { "application/json": { schema: { type: "object", properties: { rows: { type: "array", items: { type: "object", required: [...LEADERBOARD_CSV_COLUMNS] } } } } } },
            },
            ...problems(401, 422, 429),
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A team API key (Team → Integrations, or `ringback apikey create`)." } },
      schemas: { DialBody: schemaOf(apiDialBody), CallbackBody: schemaOf(apiCallbackBody), Problem: problem },
    },
  };
}
