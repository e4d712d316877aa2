import { NextResponse, type NextRequest } from "next/server";
import { wantsHtml } from "../../../lib/api.ts";

/** POST: ends the session by clearing next-auth's session cookie (and its chunks). */
export function POST(req: NextRequest) {
  const res = wantsHtml(req) ? new NextResponse(null, { status: 303, headers: { location: "/" } }) : NextResponse.json({ ok: true });
  for (const cookie of req.cookies.getAll()) {
    if (cookie.name.includes("next-auth.session-token")) {
      res.cookies.set(cookie.name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: cookie.name.startsWith("__Secure-") });
    }
  }
  return res;
}
