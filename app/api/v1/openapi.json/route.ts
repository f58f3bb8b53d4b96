import { openApiDocument } from "@/server/http/openapi";

// Public: the contract, not data.
export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument());
}
