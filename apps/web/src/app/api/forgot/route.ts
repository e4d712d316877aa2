import { z } from "zod";
import { ApiError, route } from "../../../lib/api.ts";
import { getDb } from "../../../lib/db.ts";
import { getEnv } from "../../../lib/env.ts";
import { authMessages } from "../../../lib/i18n/messages/auth.ts";
import { commonMessages } from "../../../lib/i18n/messages/common.ts";
import { staffMessages } from "../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../lib/i18n/index.ts";
import { getLocale } from "../../../lib/i18n/server.ts";
import { limitResetRequests, requestEmailReset, RESET_TTL_HOURS } from "../../../lib/password-reset.ts";
import { clientAddress } from "../../../lib/security/client-address.ts";
import { siteOrigin } from "../../../lib/security/origin.ts";
import { EMAIL_MAX } from "../../../lib/signup.ts";

/** POST { email } → { message } the same whether or not an account has the email | 429 | 404 without SMTP. */
export const POST = route({}, async ({ req, input }) => {
  const locale = await getLocale();
  const t = translator(staffMessages, locale);
  const env = getEnv();
  if (!env.mail) throw new ApiError(404, "not_found", t("forgotUnavailable"));
  const a = translator(authMessages, locale);
  const { email } = z.object({ email: z.string({ error: a("emailInvalid") }).trim().toLowerCase().max(EMAIL_MAX, a("emailInvalid")).pipe(z.email({ error: a("emailInvalid") })) }).parse(input);
  const db = getDb();
  await limitResetRequests(db, clientAddress(req.headers, env.trustedProxies), env.resetMaxPerHour);
  // The mail goes out in the background: the answer is the same, and as fast, for every address.
  await requestEmailReset(db, { email, origin: siteOrigin(req, env.authUrl), siteName: translator(commonMessages, locale)("siteName"), mail: env.mail });
  return { message: t("forgotSent", { hours: RESET_TTL_HOURS }) };
});
