// What the tRPC handlers (server/serve.ts in production, the Next route under `next dev`) check
// before a call reaches a procedure, and the caching rule of every JSON answer.

/** Members' names, e-mails and phones: no shared cache, and no copy kept on the device. */
export const NO_STORE = "private, no-store";

export type Refusal = { status: 403 | 415; message: string };

type HeaderReader = { get(name: string): string | null };

/**
 * Why a POST is refused, or null. A browser sends Origin with every cross-site POST, so one
 * from another site is refused (403) whatever its cookies; a call without Origin comes from no
 * browser page (the CLI, curl, a test) and is let through. Only JSON is read: tRPC would also
 * accept a form (multipart/form-data), which a page on any site can post without a preflight.
 */
export function refusedPost(method: string | undefined, headers: HeaderReader, appOrigins: readonly string[]): Refusal | null {
  if (method !== "POST") return null;
  const origin = headers.get("origin");
  if (origin !== null && !appOrigins.includes(origin)) return { status: 403, message: `Requests from ${origin} are not accepted.` };
  const mediaType = headers.get("content-type")?.split(";")[0].trim().toLowerCase();
  if (mediaType !== "application/json") return { status: 415, message: "Send calls as application/json." };
  return null;
}

/** Whether a request target's path decodes: `/prospects/%E0%A4%A` is a client's error (400), not ours (500). */
export function hasDecodablePath(target: string): boolean {
  const path = target.split(/[?#]/, 1)[0];
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}
