import { getDb } from "../../../lib/db.ts";
import { route } from "../../../lib/api.ts";
import { getLocale } from "../../../lib/i18n/server.ts";
import { createAccount, signupSchema } from "../../../lib/signup.ts";
import { readBody } from "../../../lib/api.ts";

/** POST { name, email, password } → 201 { user } | 400 field errors | 409 email taken. */
export const POST = route({}, async ({ req }) => {
  const locale = await getLocale();
  const input = signupSchema(locale).parse(await readBody(req));
  const user = await createAccount(getDb(), input, locale);
  return Response.json({ user: { id: user.id, email: user.email, name: user.name } }, { status: 201 });
});
