// Everyone's profile: name and language, and a password change (the current password required).
import { ActionForm } from "../../components/staff/ActionForm.tsx";
import { Card, Field, SelectField } from "../../components/ui/index.ts";
import { requireUser } from "../../lib/auth.ts";
import { staffMessages } from "../../lib/i18n/messages/staff.ts";
import { getLocale } from "../../lib/i18n/server.ts";
import { translator } from "../../lib/i18n/index.ts";
import { PASSWORD_MAX, PASSWORD_MIN, NAME_MAX } from "../../lib/signup.ts";
import { staffTitle } from "../../lib/staff/metadata.ts";

export const generateMetadata = staffTitle("profileTitle");

export default async function ProfilePage() {
  const user = await requireUser("/profile");
  const locale = await getLocale();
  const t = translator(staffMessages, locale);
  return (
    <div className="container container-narrow stack">
      <header className="page-header">
        <h1>{t("profileTitle")}</h1>
        <p>{t("profileLead")}</p>
        <p className="small muted">{user.email}</p>
      </header>
      <Card aria-labelledby="profile-details">
        <h2 id="profile-details" style={{ fontSize: "1.1rem" }}>
          {t("profileTitle")}
        </h2>
        <ActionForm action="/api/profile" submitLabel={t("saveProfile")} busyLabel={t("saving")} failedMessage={t("failed")} testId="profile-form">
          <Field id="profile-name" name="name" label={t("nameLabel")} required maxLength={NAME_MAX} autoComplete="name" defaultValue={user.name} />
          <SelectField
            id="profile-locale"
            name="locale"
            label={t("languageLabel")}
            defaultValue={user.locale}
            options={[
              { value: "en", label: "English" },
              { value: "zh-CN", label: "简体中文" },
            ]}
          />
        </ActionForm>
      </Card>
      <Card aria-labelledby="password-title">
        <h2 id="password-title" style={{ fontSize: "1.1rem" }}>
          {t("passwordTitle")}
        </h2>
        <ActionForm action="/api/profile/password" submitLabel={t("changePassword")} busyLabel={t("saving")} failedMessage={t("failed")} testId="password-form">
          <Field id="password-current" name="current" type="password" label={t("currentPassword")} required autoComplete="current-password" maxLength={PASSWORD_MAX} />
          <Field id="password-new" name="password" type="password" label={t("newPassword")} hint={t("newPasswordHint")} required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX} autoComplete="new-password" />
        </ActionForm>
      </Card>
    </div>
  );
}
