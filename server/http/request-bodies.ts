import http from "node:http";

// Bodies are bounded before anyone is authenticated (issue 11, item 3): a 200 MB POST used to be
// read whole before the 405, and a 560 MiB one threw ERR_STRING_TOO_LONG out of the server.

/** Every request body, signed in or not, unless the route below says otherwise. */
export const BODY_LIMIT_BYTES = 1_000_000;

/**
 * The web import alone: 50 million characters of CSV (MAX_IMPORT_CHARS) as a JSON string, where
 * quotes and newlines take two bytes each and accented names up to three.
 */
export const IMPORT_BODY_LIMIT_BYTES = 160_000_000;

/**
 * A telephony webhook's body: a Twilio status callback is about 1 KB of form fields, an Aircall
 * call.ended event a few KB of JSON (participants, tags, comments); nothing a provider sends is
 * near this, so anything larger is refused before it is parsed.
 */
export const WEBHOOK_BODY_LIMIT_BYTES = 256_000;

// The import procedures (imports.run, imports.calls) take whole files.
export const IMPORT_PATH = "/api/trpc/imports.";

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit.toLocaleString("en-US")} bytes.`);
  }
}

/** The declared Content-Length, or null when the body is chunked or absent. */
export function declaredLength(req: http.IncomingMessage): number | null {
  const header = req.headers["content-length"];
  if (header === undefined) return null;
  const length = Number(header);
  return Number.isFinite(length) && length >= 0 ? length : Number.POSITIVE_INFINITY;
}

const hasBody = (req: http.IncomingMessage) => req.headers["transfer-encoding"] !== undefined || (declaredLength(req) ?? 0) > 0;

/** How long a refused client has to read the answer before its connection is cut. */
const LINGER_MS = 2000;

/**
 * Answers 411 or 413 on the socket itself and half-closes it, reading nothing more: the unread
 * body stays in the kernel and stalls the sender. Node's own close would follow the answer with a
 * TCP reset (unread bytes), which can wipe the answer before the client reads it; the connection
 * is cut after LINGER_MS instead, when the client has not hung up by then.
 */
export function refuseBody(req: http.IncomingMessage, res: http.ServerResponse, status: 411 | 413, message: string) {
  const socket = req.socket;
  if (res.headersSent) return void socket.destroy();
  // The REST API answers every refusal as an RFC 9457 problem document, this one included.
  const problem = req.url?.startsWith("/api/v1/") ?? false;
  const body = JSON.stringify(problem ? { type: "about:blank", title: http.STATUS_CODES[status], status, detail: message } : { error: { status, message } });
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: ${problem ? "application/problem+json" : "application/json"}\r\ncache-control: no-store\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/**
 * Reads a body up to `limit` bytes. A declared length over the limit is refused before a byte is
 * read; a chunked body is counted as it streams and cut off at the limit.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if ((declaredLength(req) ?? 0) > limit) return reject(new BodyTooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.pause();
        reject(new BodyTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks, size)));
    req.once("error", reject);
  });
}

/**
 * Whether a request whose body this server does not read itself may go on: Next's routes (pages,
 * better-auth, CSV) read their own, and tRPC's GETs none. Only a declared length can be checked
 * up front, so a body without one is refused.
 */
export function checkForwardedBody(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  if (!hasBody(req)) return true;
  const length = declaredLength(req);
  if (length === null) {
    refuseBody(req, res, 411, "Send a Content-Length with the request body.");
    return false;
  }
  if (length > BODY_LIMIT_BYTES) {
    refuseBody(req, res, 413, new BodyTooLarge(BODY_LIMIT_BYTES).message);
    return false;
  }
  return true;
}
