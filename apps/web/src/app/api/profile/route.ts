import { NextResponse } from "next/server";
import { updateProfile } from "@course/db";
import { route } from "../../../lib/api.ts";
import { getDb } from "../../../lib/db.ts";
import { staffMessages } from "../../../lib/i18n/messages/staff.ts";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, translator } from "../../../lib/i18n/index.ts";
import { getLocale } from "../../../lib/i18n/server.ts";
import { profileSchema } from "../../../lib/staff/schemas.ts";

/** POST { name, locale } → { message } in the new language; the language cookie follows the choice. */
export const POST = route({ auth: true }, async ({ input, user }) => {
  const body = profileSchema(await getLocale()).parse(input);
  await updateProfile(getDb(), user.id, body);
  const res = NextResponse.json({ message: translator(staffMessages, body.locale)("profileSaved") }, { headers: { "cache-control": "no-store" } });
  res.cookies.set(LOCALE_COOKIE, body.locale, { path: "/", maxAge: LOCALE_COOKIE_MAX_AGE, sameSite: "lax" });
  return res;
});
