import { NextResponse } from "next/server";
import { endSessions } from "@course/db";
import { route, wantsHtml } from "../../../lib/api.ts";
import { getCurrentUser } from "../../../lib/auth.ts";
import { getDb } from "../../../lib/db.ts";

/** POST (JSON, or the header's form with its CSRF token): ends every session of the user, so the
 *  token is refused from now on wherever it was copied, and clears next-auth's cookie (and its chunks). */
export const POST = route({ form: true }, async ({ req }) => {
  const user = await getCurrentUser();
  if (user) await endSessions(getDb(), user.id);
  const res = wantsHtml(req) ? new NextResponse(null, { status: 303, headers: { location: "/" } }) : NextResponse.json({ ok: true });
  const names = (req.headers.get("cookie") ?? "").split(";").map((c) => c.split("=")[0]?.trim() ?? "");
  for (const name of names) {
    if (name.includes("next-auth.session-token")) {
      res.cookies.set(name, "", { path: "/", maxAge: 0, httpOnly: true, sameSite: "lax", secure: name.startsWith("__Secure-") });
    }
  }
  return res;
});
