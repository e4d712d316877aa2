import { setPassword, verifyPassword } from "@course/db";
import { ApiError, route } from "../../../../lib/api.ts";
import { getDb } from "../../../../lib/db.ts";
import { staffMessages } from "../../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../../lib/i18n/index.ts";
import { getLocale } from "../../../../lib/i18n/server.ts";
import { passwordChangeSchema } from "../../../../lib/staff/schemas.ts";

/**
 * POST { current, password } → { redirect } to sign in again: the change bumps the session version
 * (as a reset does), which ends every session, this one included | 400 wrong current password.
 */
export const POST = route({ auth: true }, async ({ input, user }) => {
  const locale = await getLocale();
  const t = translator(staffMessages, locale);
  const body = passwordChangeSchema(locale).parse(input);
  const db = getDb();
  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(stored.passwordHash, body.current))) throw new ApiError(400, "wrong_password", t("wrongCurrent"), { current: t("wrongCurrent") });
  await setPassword(db, user.id, body.password);
  return { redirect: "/signin?notice=password_changed&next=%2Fprofile" };
});
