import { Card } from "@/app/_components/ui";

const EXAMPLE = `curl -X POST "$RINGBACK_URL/api/v1/dials" \\
  -H "Authorization: Bearer $RINGBACK_KEY" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: call-8841" \\
  -d '{"rep_email": "rep1@example.com",
       "prospect_phone": "(212) 555-0190",
       "prospect_name": "Dana Whitfield",
       "outcome": "left voicemail",
       "script": "Last try",
       "message_seconds": 24}'`;

/** Where the REST API is described, and a first call to try. */
export function ApiDocsCard() {
  return (
    <Card title="REST API" description="JSON over HTTPS with a key in the Authorization header. Errors are problem documents that name the field.">
      <p className="text-sm">
        The contract: <a className="font-medium text-accent underline" href="/api/v1/openapi.json">OpenAPI document (/api/v1/openapi.json)</a>. Endpoints:{" "}
        <code>POST /api/v1/dials</code>, <code>POST /api/v1/callbacks</code>, <code>GET /api/v1/leaderboard?by=script</code>.
      </p>
      <h3 className="mt-4 text-xs font-medium text-faint">Log a dial</h3>
      <pre aria-label="curl example" className="mt-2 overflow-x-auto rounded-md bg-surface-2 p-3 font-mono text-xs">
        {EXAMPLE}
      </pre>
      <p className="mt-2 text-xs text-muted">Sending the same Idempotency-Key (or external_id) again returns the first answer instead of a second dial.</p>
    </Card>
  );
}
