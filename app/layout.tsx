import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { TRPCReactProvider } from "@/app/_trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ringback", template: "%s · Ringback" },
  description: "Call logging, voicemail scripts and honest callback leaderboards for sales teams.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Rendered per request, never prerendered at build: a page's scripts must carry the nonce
  // of the request's Content-Security-Policy (proxy.ts), and a build-time page has none.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
