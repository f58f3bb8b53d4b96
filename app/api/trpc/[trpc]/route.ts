import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appOrigins } from "@/server/app-origin";
import { NO_STORE, refusedPost } from "@/server/request-guard";
import { appRouter } from "@/server/routers/_app";
import { MAX_BATCH_CALLS, trpcResponseMeta } from "@/server/http/trpc-options";
import { createContext } from "@/server/trpc";
import { logUnexpected } from "@/server/trpc-errors";

// Serves tRPC under `next dev`. The production server (server/serve.ts) answers /api/trpc itself,
// before Next's routing, and never reaches this handler; both apply the same request guard.
const handler = (req: Request) => {
  const refused = refusedPost(req.method, req.headers, appOrigins());
  if (refused) return Response.json({ message: refused.message }, { status: refused.status, headers: { "cache-control": NO_STORE } });
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext({ headers: req.headers }),
    onError: logUnexpected,
    maxBatchSize: MAX_BATCH_CALLS,
    responseMeta: trpcResponseMeta,
  });
};

export { handler as GET, handler as POST };
