// The production server: `node --import tsx server/serve.ts` with PORT (default 3000) on the
// production build. Pages, better-auth and the CSV downloads go through Next.js; tRPC calls are
// answered by tRPC's own Node adapter before Next's routing, which took most of each call's time
// (bench/README.md). Both halves share the database and the session rules (server/trpc.ts).
import http from "node:http";
import next from "next";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { getDb } from "@/db/client";
import { appRouter } from "@/server/routers/_app";
import { createContext } from "@/server/trpc";
import { logUnexpected } from "@/server/trpc-errors";
import { CLIENT_ADDRESS_HEADER, clientAddress, trustedProxies } from "@/server/domain/client-address";
import { securityHeaders } from "@/lib/security-headers";

const TRPC_PREFIX = "/api/trpc/";

function headersOf(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

async function main() {
  const port = Number(process.env.PORT || 3000);
  const hostname = process.env.HOSTNAME || "0.0.0.0";
  // A broken database fails the start, not a user's first click; a bad proxy list too.
  getDb();
  const proxies = trustedProxies(process.env.RINGBACK_TRUSTED_PROXIES);
  const pages = next({ dev: false, dir: process.cwd(), hostname, port });
  const handlePage = pages.getRequestHandler();
  await pages.prepare();

  const handleTrpc = createHTTPHandler({
    basePath: TRPC_PREFIX,
    router: appRouter,
    createContext: ({ req }) => createContext({ headers: headersOf(req) }),
    onError: logUnexpected,
  });

  const server = http.createServer((req, res) => {
    // Set on every request, replacing whatever the client sent under that name.
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress ?? "", req.headers["x-forwarded-for"], proxies);
    if (req.url?.startsWith(TRPC_PREFIX)) {
      for (const { key, value } of securityHeaders) res.setHeader(key, value);
      if (req.method !== "POST") return handleTrpc(req, res);
      // Read whole, then handed over as text: tRPC's adapter otherwise wraps the body in a web
      // ReadableStream, a measurable share of a small mutation's time.
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        (req as http.IncomingMessage & { body?: string }).body = Buffer.concat(chunks).toString("utf8");
        handleTrpc(req, res);
      });
      return;
    }
    void handlePage(req, res);
  });
  server.listen(port, hostname, () => console.log(`Ringback is serving on http://localhost:${port}`));

  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
