import { NextResponse } from "next/server";
import { z } from "zod";
import { LocaleSchema } from "@course/db";
import { route, wantsHtml } from "../../../lib/api.ts";
import { getCurrentUser } from "../../../lib/auth.ts";
import { getDb } from "../../../lib/db.ts";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "../../../lib/i18n/index.ts";
import { refererPath, safeNext } from "../../../lib/safe-path.ts";

const Body = z.object({
  locale: LocaleSchema,
  next: z.string().optional(),
});

/** POST { locale: "en" | "zh-CN" }: remembers the choice in a cookie and, when signed in, on the user. */
export const POST = route({ body: Body, form: true }, async ({ req, body }) => {
  const user = await getCurrentUser();
  if (user && user.locale !== body.locale) await getDb().user.update({ where: { id: user.id }, data: { locale: body.locale } });
  const back = body.next ? safeNext(body.next, "/") : refererPath(req.headers.get("referer"), req.headers.get("host"));
  const res = wantsHtml(req) ? new NextResponse(null, { status: 303, headers: { location: back } }) : NextResponse.json({ locale: body.locale });
  res.cookies.set(LOCALE_COOKIE, body.locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax" });
  return res;
});
