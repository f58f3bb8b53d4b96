import type { Metadata, Viewport } from "next";
import { TRPCReactProvider } from "@/app/_trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ringback", template: "%s · Ringback" },
  description: "Call logging, voicemail scripts and honest callback leaderboards for sales teams.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
