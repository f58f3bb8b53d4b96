/** Only same-site paths are followed after sign-in, so a link cannot bounce users elsewhere. */
export function safeNext(next: string | null | undefined, fallback = "/today"): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : fallback;
}
