// Early redirect for signed-out visitors of signed-in areas: a real 307 to /signin before any
// rendering starts (pages still check the session themselves; this only looks for the cookie).
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((c) => c.name.includes("next-auth.session-token"));
  if (hasSession) return NextResponse.next();
  // Redirect on the host the browser used (the Host header), so its cookies keep applying.
  const host = request.headers.get("host") ?? request.nextUrl.host;
  const target = new URL(`${request.nextUrl.protocol}//${host}/signin`);
  target.searchParams.set("next", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(target, 307);
}

export const config = {
  // /my and everything under /courses/<slug>, but not the public catalog /courses itself.
  matcher: ["/my", "/my/:path*", "/courses/:slug/:path*"],
};
