/**
 * A cross-site POST to /admin (a forged form or fetch carrying an admin's
 * cookie) is refused here with a plain 403. Next's own origin check of
 * server actions would stop it too, but answers with a 500.
 */
import { NextResponse, type NextRequest } from "next/server";

/** Lets a POST through only when its Origin is this host. */
export function proxy(request: NextRequest): NextResponse {
  if (request.method !== "POST") return NextResponse.next();

  const headers = request.headers;
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (host && originHost(headers.get("origin")) === host) {
    return NextResponse.next();
  }
  return new NextResponse("Cross-site request refused.", {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

function originHost(origin: string | null): string | null {
  if (!origin || origin === "null") return null;
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export const config = { matcher: ["/admin", "/admin/:path*"] };
