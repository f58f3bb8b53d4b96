// The response headers every answer carries: Next's pages through next.config.ts, and the tRPC
// calls the production server (server/serve.ts) answers itself.
const isDev = process.env.NODE_ENV !== "production";

// Next.js inlines its bootstrap scripts and styles, hence 'unsafe-inline'; everything else is
// same-origin only, and the dev server additionally needs eval for fast refresh.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src 'self'${isDev ? " ws:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders: { key: string; value: string }[] = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  // The microphone for rehearsal takes (issue 17), on the app's own pages only.
  { key: "Permissions-Policy", value: "camera=(), microphone=(self), geolocation=()" },
];
