// CSRF tokens for the few forms that post without JavaScript (language switch, sign-out, lesson
// progress). A token is an HMAC of the session it belongs to (user id + session version), so it
// cannot be made without the server's secret, cannot be planted by a sibling origin the way a
// cookie can, and dies with the session. A signed-out visitor's token only proves the form was
// ours; the Origin check is what protects that case (see docs/security.md).
import { createHmac, timingSafeEqual } from "node:crypto";

export const CSRF_FIELD = "csrf";

export interface CsrfSubject {
  id: string;
  sessionVersion: number;
}

function subjectKey(subject: CsrfSubject | null): string {
  return subject ? `user:${subject.id}:${subject.sessionVersion}` : "anonymous";
}

export function csrfToken(secret: string, subject: CsrfSubject | null): string {
  return createHmac("sha256", secret)
    .update(`csrf|${subjectKey(subject)}`)
    .digest("base64url");
}

export function csrfTokenValid(
  secret: string,
  subject: CsrfSubject | null,
  given: string | undefined,
): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfToken(secret, subject));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
