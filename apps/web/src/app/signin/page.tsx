import { Link } from "../../components/ui/Link.tsx";
import { redirect } from "next/navigation";
import { SignInForm } from "../../components/auth/SignInForm.tsx";
import { Alert, Card } from "../../components/ui/index.ts";
import { getCurrentUser } from "../../lib/auth.ts";
import { parseSignInError } from "../../lib/auth-errors.ts";
import { authMessages } from "../../lib/i18n/messages/auth.ts";
import { getLocale } from "../../lib/i18n/server.ts";
import { translator } from "../../lib/i18n/index.ts";
import { staffMessages } from "../../lib/i18n/messages/staff.ts";
import { safeNext } from "../../lib/safe-path.ts";
import { titleFrom } from "../../lib/i18n/metadata.ts";

export const generateMetadata = titleFrom({ common: "signIn" });

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, locale, user] = await Promise.all([searchParams, getLocale(), getCurrentUser()]);
  // No destination asked for: /start sends people who teach to the staff home, others to /my.
  const next = safeNext(params.next, "/start");
  if (user) redirect(next);
  const t = translator(authMessages, locale);
  const s = translator(staffMessages, locale);
  // After a password change or reset, say why the visitor is signing in again.
  const notice = params.notice === "password_changed" ? s("passwordChanged") : params.notice === "password_reset" ? s("resetDone") : null;
  // next-auth sends people here with ?error=… when a no-JavaScript sign-in fails.
  const failure = typeof params.error === "string" ? parseSignInError(params.error) : null;
  const initialError =
    failure?.kind === "rate_limited" ? t("tooManyAttempts", { minutes: failure.minutes }) : failure ? t("wrongCredentials") : undefined;
  return (
    <div className="container">
      <Card className="auth-card">
        <h1>{t("signInTitle")}</h1>
        <p className="muted">{t("signInLead")}</p>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <SignInForm strings={authMessages[locale]} next={next} initialError={initialError} />
        <p className="small" style={{ marginTop: "1.25rem" }}>
          <Link href="/forgot">{s("forgotLink")}</Link>
        </p>
        <p className="small">
          {t("noAccount")} <Link href={`/signup${next !== "/start" ? `?next=${encodeURIComponent(next)}` : ""}`}>{t("createAccount")}</Link>
        </p>
      </Card>
    </div>
  );
}
