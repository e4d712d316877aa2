import { getDb } from "../../../lib/db.ts";
import { route } from "../../../lib/api.ts";
import { getEnv } from "../../../lib/env.ts";
import { getLocale } from "../../../lib/i18n/server.ts";
import { clientAddress } from "../../../lib/security/client-address.ts";
import { createAccount, limitSignups, signupSchema } from "../../../lib/signup.ts";

/** POST { name, email, password } → 201 { ok: true } | 400 field errors | 429 too many from this
 *  address. A new email and one that already has an account get the same answer (see createAccount). */
export const POST = route({}, async ({ req, input }) => {
  const locale = await getLocale();
  const account = signupSchema(locale).parse(input);
  const env = getEnv();
  await limitSignups(getDb(), clientAddress(req.headers, env.trustedProxies), env.signupMaxPerHour);
  await createAccount(getDb(), account, locale);
  return Response.json({ ok: true }, { status: 201, headers: { "cache-control": "no-store" } });
});
