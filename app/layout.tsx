import type { Metadata, Viewport } from "next";

import { DemoBanner } from "@/components/demo-banner";

import "./globals.css";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Zylker Academy", template: "%s · Zylker Academy" },
  description: "Your Zylker Academy records, from Zoho CRM.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({
  children,
}: {
  children: React.ReactNode;
}) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <DemoBanner />
        {children}
      </body>
    </html>
  );
}
