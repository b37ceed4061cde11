import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { ThemeProvider } from "@/components/providers/theme";
import { TrpcReactProvider } from "@/components/providers/trpc";
import "./globals.css";

export const metadata: Metadata = { title: { default: "Countersign", template: "%s · Countersign" }, description: "Human approval for AI agents" };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The front server puts a fresh CSP nonce on every page request; reading it also keeps pages dynamic.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-screen antialiased">
        <ThemeProvider nonce={nonce}>
          <TrpcReactProvider>{children}</TrpcReactProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
