// Where the app is served from, for better-auth's cookies and CSRF checks and for the tRPC
// handlers' Origin check (server/request-guard.ts): one answer for both.

/** The public address of the app: BETTER_AUTH_URL, else localhost on PORT. */
export function appBaseUrl(): string {
  return process.env.BETTER_AUTH_URL?.trim() || `http://localhost:${process.env.PORT || 3000}`;
}

/** The origins a browser on the app sends: the configured one, and its loopback twin on this machine. */
export function appOrigins(): string[] {
  const url = new URL(appBaseUrl());
  const loopbackTwin = url.hostname === "localhost" ? "127.0.0.1" : url.hostname === "127.0.0.1" ? "localhost" : null;
  return loopbackTwin ? [url.origin, `${url.protocol}//${loopbackTwin}${url.port ? `:${url.port}` : ""}`] : [url.origin];
}
