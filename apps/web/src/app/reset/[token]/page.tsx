// A one-time password reset link: says why a used, expired or unknown link is refused, otherwise
// asks for the new password. The token is checked again (and spent) when the form is posted.
import { checkPasswordReset } from "@course/db";
import { ActionForm } from "../../../components/staff/ActionForm.tsx";
import { Alert, ButtonLink, Card, Field } from "../../../components/ui/index.ts";
import { getDb } from "../../../lib/db.ts";
import { staffMessages } from "../../../lib/i18n/messages/staff.ts";
import { getLocale } from "../../../lib/i18n/server.ts";
import { translator } from "../../../lib/i18n/index.ts";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../../lib/signup.ts";
import { staffTitle } from "../../../lib/staff/metadata.ts";

export const generateMetadata = staffTitle("resetTitle");

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const locale = await getLocale();
  const t = translator(staffMessages, locale);
  const state = token.length >= 10 && token.length <= 200 ? await checkPasswordReset(getDb(), token) : ({ status: "unknown" } as const);
  return (
    <div className="container">
      <Card className="auth-card">
        <h1>{t("resetTitle")}</h1>
        {state.status === "valid" ? (
          <>
            <p className="muted">{t("resetLead", { email: state.email })}</p>
            <ActionForm action="/api/reset" submitLabel={t("resetButton")} busyLabel={t("saving")} failedMessage={t("failed")} testId="reset-form">
              <input type="hidden" name="token" value={token} />
              <Field id="reset-password" name="password" type="password" label={t("newPassword")} hint={t("newPasswordHint")} required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} autoComplete="new-password" />
            </ActionForm>
          </>
        ) : (
          <div className="stack">
            <Alert tone="error">{state.status === "used" ? t("resetUsed") : state.status === "expired" ? t("resetExpired") : t("resetUnknown")}</Alert>
            <ButtonLink href="/signin" variant="secondary">
              {t("goSignIn")}
            </ButtonLink>
          </div>
        )}
      </Card>
    </div>
  );
}
