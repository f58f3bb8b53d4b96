import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY, securityHeaders } from "./lib/security-headers";

const nextConfig: NextConfig = {
  // Pages get their Content-Security-Policy, with a fresh nonce, from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }] },
      // The favicon's URL carries its content hash (`/icon.svg?icon.<hash>.svg`), yet Next served it
      // with max-age=0 and no validator: every page load fetched it again, the last response of the
      // page (issue 12, item 19).
      { source: "/icon.svg", headers: [{ key: "Cache-Control", value: "public, max-age=31536000, immutable" }] },
    ];
  },
  // better-sqlite3 is a native addon: keep it out of the server bundle.
  serverExternalPackages: ["better-sqlite3"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project first; checking again here only slows builds.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
