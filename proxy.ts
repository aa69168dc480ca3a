/**
 * Refuses cross-site POSTs with a plain 403 before they reach the app: any
 * POST to /admin, and any server-action POST anywhere. Next's own origin
 * check of server actions would stop them too, but answers with a 500.
 * The allowed origin is the portal's public URL (NEXTAUTH_URL), not the
 * request's Host or X-Forwarded-Host, which a client could set.
 */
import { NextResponse, type NextRequest } from "next/server";

import { env } from "@/lib/env";

/** Lets a POST through only when its Origin is the portal's own. */
export function proxy(request: NextRequest): NextResponse {
  if (request.method !== "POST" || !guarded(request)) {
    return NextResponse.next();
  }
  const origin = request.headers.get("origin");
  if (origin === new URL(env().NEXTAUTH_URL).origin) {
    return NextResponse.next();
  }
  return new NextResponse("Cross-site request refused.", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

function guarded(request: NextRequest): boolean {
  const path = request.nextUrl.pathname;
  const admin = path === "/admin" || path.startsWith("/admin/");
  return admin || request.headers.has("next-action");
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
