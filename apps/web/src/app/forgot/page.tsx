// "Forgot your password?": with SMTP configured, a one-time link by email (the same answer for
// every address); without it, where to get a link instead.
import { ActionForm } from "../../components/staff/ActionForm.tsx";
import { Alert, Card, Field } from "../../components/ui/index.ts";
import { getEnv } from "../../lib/env.ts";
import { staffMessages } from "../../lib/i18n/messages/staff.ts";
import { getLocale } from "../../lib/i18n/server.ts";
import { translator } from "../../lib/i18n/index.ts";
import { EMAIL_MAX } from "../../lib/signup.ts";
import { staffTitle } from "../../lib/staff/metadata.ts";

export const generateMetadata = staffTitle("forgotTitle");

export default async function ForgotPage() {
  const locale = await getLocale();
  const t = translator(staffMessages, locale);
  return (
    <div className="container">
      <Card className="auth-card">
        <h1>{t("forgotTitle")}</h1>
        {getEnv().mail ? (
          <>
            <p className="muted">{t("forgotLead")}</p>
            <ActionForm action="/api/forgot" submitLabel={t("forgotButton")} busyLabel={t("forgotSending")} failedMessage={t("failed")} testId="forgot-form">
              <Field id="forgot-email" name="email" type="email" label={t("emailLabel")} required maxLength={EMAIL_MAX} autoComplete="email" />
            </ActionForm>
          </>
        ) : (
          <Alert tone="info">{t("forgotUnavailable")}</Alert>
        )}
      </Card>
    </div>
  );
}
