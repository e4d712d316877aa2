import { getCurrentUser } from "../../lib/auth.ts";
import { getEnv } from "../../lib/env.ts";
import { CSRF_FIELD, csrfToken } from "../../lib/security/csrf.ts";

/** The hidden CSRF token field of a form that posts natively (without JavaScript) to an API route. */
export async function CsrfField() {
  const token = csrfToken(getEnv().authSecret, await getCurrentUser());
  return <input type="hidden" name={CSRF_FIELD} value={token} />;
}
