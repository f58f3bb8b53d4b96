// The response headers every answer carries: Next's pages through next.config.ts and proxy.ts
// (which adds the per-request CSP), and the tRPC calls the production server (server/serve.ts)
// answers itself.
const isDev = process.env.NODE_ENV !== "production";

/**
 * The pages' policy. Scripts run only with this request's nonce, which Next puts on its own
 * bootstrap and chunk scripts; 'strict-dynamic' lets those load the chunks they import, so no
 * injected inline script or same-origin file runs on its own. Styles keep 'unsafe-inline':
 * recharts and React set style attributes, which a nonce cannot cover. The dev server also
 * needs eval for fast refresh.
 */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** JSON and CSV answers are never rendered as a page: nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const securityHeaders: { key: string; value: string }[] = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // The microphone for rehearsal takes (issue 17), on the app's own pages only.
  { key: "Permissions-Policy", value: "camera=(), microphone=(self), geolocation=()" },
];
