import { Link } from "../../components/ui/Link.tsx";
import { redirect } from "next/navigation";
import { SignUpForm } from "../../components/auth/SignUpForm.tsx";
import { Card } from "../../components/ui/index.ts";
import { getCurrentUser } from "../../lib/auth.ts";
import { authMessages } from "../../lib/i18n/messages/auth.ts";
import { getLocale } from "../../lib/i18n/server.ts";
import { translator } from "../../lib/i18n/index.ts";
import { safeNext } from "../../lib/safe-path.ts";
import { titleFrom } from "../../lib/i18n/metadata.ts";

export const generateMetadata = titleFrom({ common: "signUp" });

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, locale, user] = await Promise.all([searchParams, getLocale(), getCurrentUser()]);
  const next = safeNext(params.next);
  if (user) redirect(next);
  const t = translator(authMessages, locale);
  return (
    <div className="container">
      <Card className="auth-card">
        <h1>{t("signUpTitle")}</h1>
        <p className="muted">{t("signUpLead")}</p>
        <SignUpForm strings={authMessages[locale]} next={next} />
        <p className="small" style={{ marginTop: "1.25rem" }}>
          {t("haveAccount")} <Link href="/signin">{t("signInButton")}</Link>
        </p>
      </Card>
    </div>
  );
}
