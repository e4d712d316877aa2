import { usePasswordReset } from "@course/db";
import { ApiError, route } from "../../../lib/api.ts";
import { getDb } from "../../../lib/db.ts";
import { staffMessages } from "../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../lib/i18n/index.ts";
import { getLocale } from "../../../lib/i18n/server.ts";
import { resetSchema } from "../../../lib/staff/schemas.ts";

/** POST { token, password } → { redirect } to sign in | 410 a used or expired link | 404 an unknown one. */
export const POST = route({}, async ({ input }) => {
  const locale = await getLocale();
  const t = translator(staffMessages, locale);
  const body = resetSchema(locale).parse(input);
  const outcome = await usePasswordReset(getDb(), body.token, body.password);
  if (outcome.status === "unknown") throw new ApiError(404, "invalid_token", t("resetUnknown"));
  if (outcome.status === "used") throw new ApiError(410, "used_token", t("resetUsed"));
  if (outcome.status === "expired") throw new ApiError(410, "expired_token", t("resetExpired"));
  return { redirect: "/signin?notice=password_reset" };
});
