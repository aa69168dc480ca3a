import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm test` type-checks the whole project (app, tests, emulator, CLI)
  // with tsc first; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The native SQLite driver is loaded at run time, never bundled.
  serverExternalPackages: ["better-sqlite3", "pino"],
  // forbidden() answers a non-admin on /admin with a real 403.
  experimental: { authInterrupts: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
