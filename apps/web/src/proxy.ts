// Runs before every page: sets the security headers (a CSP with a fresh nonce that Next puts on
// its scripts, see lib/security/headers.ts), and sends signed-out visitors of signed-in areas to
// /signin with a real 307 before any rendering starts (pages still check the session themselves;
// this only looks for the cookie). Redirects are built from the configured site URL, never from
// the Host header a client chose.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, HSTS, newNonce, STATIC_SECURITY_HEADERS } from "./lib/security/headers.ts";
import { getSiteEnv } from "./lib/site-env.ts";

/** Signed-in areas: /my, /staff, /profile and everything below a course's page /courses/<slug>; not the
 *  public catalog /courses nor a course's public page /courses/<slug> itself. */
const SIGNED_IN_AREA = /^\/(?:(?:my|staff|profile)(?:\/.*)?|courses\/[^/]+\/.+)$/;

function withHeaders(res: NextResponse, csp: string, https: boolean): NextResponse {
  res.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) res.headers.set(name, value);
  if (https) res.headers.set("strict-transport-security", HSTS);
  return res;
}

export function proxy(request: NextRequest) {
  const { siteUrl, dev } = getSiteEnv();
  const https = siteUrl?.protocol === "https:";
  const csp = contentSecurityPolicy({ nonce: newNonce(), dev, https });

  const hasSession = request.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  if (!hasSession && SIGNED_IN_AREA.test(request.nextUrl.pathname)) {
    const next = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    // Without a configured site URL (development) the Location stays relative: still not the Host header's.
    const location = siteUrl ? new URL(`/signin${next}`, siteUrl).toString() : `/signin${next}`;
    return withHeaders(new NextResponse(null, { status: 307, headers: { location } }), csp, https);
  }
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  return withHeaders(NextResponse.next({ request: { headers } }), csp, https);
}

export const config = {
  // Every page; not API routes, Next's static files or the fonts (they get the static headers from next.config).
  matcher: ["/((?!api/|_next/static|_next/image|static/|fonts/|favicon|icon).*)"],
};
