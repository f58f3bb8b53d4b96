// The production server: `node --import tsx server/serve.ts` with PORT (default 3000) on the
// production build. Pages, better-auth and the CSV downloads go through Next.js; tRPC calls are
// answered by tRPC's own Node adapter before Next's routing, which took most of each call's time
// (bench/README.md). Both halves share the database and the session rules (server/trpc.ts).
import cluster from "node:cluster";
import http from "node:http";
import next from "next";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { openConfiguredBudgetStore, getBudgetStore } from "@/db/budget-store";
import { getDb, openDatabase } from "@/db/client";
import { appRouter } from "@/server/routers/_app";
import { createContext } from "@/server/trpc";
import { logUnexpected } from "@/server/trpc-errors";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "@/lib/security-headers";
import { appOrigins } from "@/server/app-origin";
import { hasDecodablePath, NO_STORE, refusedPost, type Refusal } from "@/server/request-guard";
import { BODY_LIMIT_BYTES, BodyTooLarge, checkForwardedBody, IMPORT_BODY_LIMIT_BYTES, IMPORT_PATH, readBody, refuseBody } from "@/server/http/request-bodies";
import { MAX_BATCH_CALLS, trpcResponseMeta } from "@/server/http/trpc-options";
import { startImportWorkers } from "@/server/services/import-queue";
import { resolveMembership } from "@/server/services/teams";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies } from "@/server/domain/client-address";
import { superviseWorkers, workerCount } from "@/server/server-processes";

const TRPC_PREFIX = "/api/trpc/";

function refuse(res: http.ServerResponse, { status, message }: Refusal | { status: 400; message: string }) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": NO_STORE, connection: "close" });
  res.end(JSON.stringify({ message }));
}

function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

/** The import upload may exceed the common cap, and only for a signed-in manager of a team. */
async function bodyLimit(req: http.IncomingMessage): Promise<number> {
  if (!req.url?.startsWith(IMPORT_PATH)) return BODY_LIMIT_BYTES;
  const context = await createContext({ headers: headersOf(req) });
  const membership = context.user ? await resolveMembership(context.db, context.user.id, context.activeTeamId) : null;
  return membership && membership.role !== "rep" ? IMPORT_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
}

/**
 * A fault nobody caught leaves the process in a state nobody knows (Next's own handlers would log
 * it and carry on): log it and end, and the launcher (scripts/run.mjs) starts a fresh one.
 */
function endOnUncaughtFaults() {
  const fail = (kind: string) => (error: unknown) => {
    console.error(`Ringback: ${kind}, stopping so the launcher restarts a clean server:`, error);
    process.exit(1);
  };
  process.on("uncaughtException", fail("uncaught exception"));
  process.on("unhandledRejection", fail("unhandled promise rejection"));
}

/**
 * The primary of several server processes checks what every worker would (a bad proxy list, a
 * broken database) and migrates the database once, so its workers never race to; then it only supervises.
 */
async function prepareWorkers() {
  trustedProxies(process.env.RINGBACK_TRUSTED_PROXIES);
  const db = await openDatabase();
  await db.$close();
  // The budgets' file and tables too, before N workers would all make them on their first request.
  await openConfiguredBudgetStore().close();
}

async function main() {
  const workers = workerCount();
  if (workers > 1 && cluster.isPrimary) return superviseWorkers(workers, prepareWorkers);
  endOnUncaughtFaults();
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOSTNAME || "0.0.0.0";
  // A broken database fails the start, not a user's first click; a bad proxy list too.
  await getDb();
  getBudgetStore();
  const proxies = trustedProxies(process.env.RINGBACK_TRUSTED_PROXIES);
  startImportWorkers();
  const pages = next({ dev: false, dir: process.cwd(), hostname, port });
  const handlePage = pages.getRequestHandler();
  await pages.prepare();

  const handleTrpc = createHTTPHandler({
    basePath: TRPC_PREFIX,
    router: appRouter,
    createContext: ({ req }) => createContext({ headers: headersOf(req) }),
    onError: logUnexpected,
    maxBatchSize: MAX_BATCH_CALLS,
    responseMeta: trpcResponseMeta,
  });
  const origins = appOrigins();

  const answerTrpcPost = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const limit = await bodyLimit(req);
    try {
      // Read whole, then handed over as text: tRPC's adapter otherwise wraps the body in a web
      // ReadableStream, a measurable share of a small mutation's time.
      (req as http.IncomingMessage & { body?: string }).body = (await readBody(req, limit)).toString("utf8");
    } catch (error) {
      if (error instanceof BodyTooLarge) return refuseBody(req, res, 413, error.message);
      throw error;
    }
    handleTrpc(req, res);
  };

  const server = http.createServer((req, res) => {
    // Set on every request, replacing whatever the client sent under that name.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress ?? "", req.headers["x-forwarded-for"], proxies);
    // Next's router would throw on it and answer 500.
    if (!hasDecodablePath(req.url ?? "/")) return refuse(res, { status: 400, message: "The address has a malformed %-escape." });
    if (req.url?.startsWith(TRPC_PREFIX)) {
      for (const { key, value } of securityHeaders) res.setHeader(key, value);
      res.setHeader("content-security-policy", API_CONTENT_SECURITY_POLICY);
      const refused = refusedPost(req.method, { get: (name) => req.headers[name]?.toString() ?? null }, origins);
      if (refused) return refuse(res, refused);
      if (req.method !== "POST") {
        if (checkForwardedBody(req, res)) handleTrpc(req, res);
        return;
      }
      answerTrpcPost(req, res).catch((error) => {
        console.error("tRPC request failed before its handler:", error);
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    if (!checkForwardedBody(req, res)) return;
    void handlePage(req, res);
  });
  server.listen(port, hostname, () => console.log(`Ringback is serving on http://localhost:${port}`));

  // A stop may be asked twice (Ctrl-C reaches every process of the group, and the launcher or
  // the primary passes it on as well): the second must not cut the first's in-flight requests.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
