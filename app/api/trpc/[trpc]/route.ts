import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/routers/_app";
import { MAX_BATCH_CALLS, retryAfterHeaders } from "@/server/http/trpc-options";
import { createContext } from "@/server/trpc";
import { logUnexpected } from "@/server/trpc-errors";

// Serves tRPC under `next dev`. The production server (server/serve.ts) answers /api/trpc itself,
// before Next's routing, and never reaches this handler.
const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers }),
    onError: logUnexpected,
    maxBatchSize: MAX_BATCH_CALLS,
    responseMeta: retryAfterHeaders,
  });

export { handler as GET, handler as POST };
