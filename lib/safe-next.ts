// A reserved name (RFC 2606), so no real origin can ever equal it.
const PROBE_ORIGIN = "https://ringback.invalid";

/**
 * Only same-origin paths are followed after sign-in, so a link cannot bounce users elsewhere.
 * The browser, not a prefix check, decides where a string leads: it reads `/\evil.example` and
 * `/<TAB>/evil.example` as `//evil.example`. So `next` is resolved the way the browser resolves
 * it, against an origin of our own, and only kept when it stays there.
 */
export function safeNext(next: string | null | undefined, fallback = "/today"): string {
  if (!next || !next.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(next, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  // The resolved form, not the input: what we hand the router is what we checked.
  return `${url.pathname}${url.search}${url.hash}`;
}
