// Join codes: create (role, validity, maximum uses), revoke, and who used each. Instructors only.
import { listJoinCodes, type JoinCodeListing } from "@course/db";
import { ActionForm } from "../../../../components/staff/ActionForm.tsx";
import { RoleSelect } from "../../../../components/staff/RoleSelect.tsx";
import { StaffPage } from "../../../../components/staff/StaffPage.tsx";
import { Badge, Card, EmptyState, Field } from "../../../../components/ui/index.ts";
import { requireCourseAction } from "../../../../lib/courses/staff-access.ts";
import { formatDateTime } from "../../../../lib/format.ts";
import { staffMessages } from "../../../../lib/i18n/messages/staff.ts";
import { translator, type Locale, type Translate } from "../../../../lib/i18n/index.ts";
import { staffTitle } from "../../../../lib/staff/metadata.ts";

export const generateMetadata = staffTitle("joinCodesTitle");

type T = Translate<keyof (typeof staffMessages)["en"]>;

function status(code: JoinCodeListing, now: Date, t: T) {
  if (code.revokedAt) return <Badge tone="danger">{t("statusRevoked")}</Badge>;
  if (code.expiresAt && code.expiresAt <= now) return <Badge tone="warning">{t("statusExpired")}</Badge>;
  if (code.maxUses !== null && code.uses >= code.maxUses) return <Badge tone="warning">{t("statusFull")}</Badge>;
  return <Badge tone="success">{t("statusActive")}</Badge>;
}

function roleLabel(role: string, t: T): string {
  return role === "instructor" ? t("roleInstructor") : role === "ta" ? t("roleTa") : t("roleStudent");
}

export default async function JoinCodesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, course, role, locale } = await requireCourseAction(slug, "manageJoinCodes", `/courses/${slug}/join-codes`);
  const t = translator(staffMessages, locale);
  const codes = await listJoinCodes(db, course.id);
  const now = new Date();
  return (
    <StaffPage course={course} role={role} locale={locale} tab="join-codes" title={t("joinCodesTitle")} lead={t("joinCodesLead")}>
      <Card aria-labelledby="new-code-title">
        <h2 id="new-code-title" style={{ fontSize: "1.1rem" }}>
          {t("newCode")}
        </h2>
        <ActionForm action={`/api/courses/${course.slug}/join-codes`} submitLabel={t("createCodeButton")} busyLabel={t("saving")} failedMessage={t("failed")} resetOnSuccess testId="new-code-form">
          <div className="staff-form-grid">
            <Field id="code-code" name="code" label={t("fieldCode")} hint={t("fieldCodeHint")} autoComplete="off" spellCheck={false} maxLength={40} />
            <RoleSelect id="code-role" label={t("fieldRole")} locale={locale} />
            <Field id="code-days" name="validDays" type="number" min={1} max={365} inputMode="numeric" label={t("fieldValidDays")} hint={t("fieldValidDaysHint")} />
            <Field id="code-max-uses" name="maxUses" type="number" min={1} max={10000} inputMode="numeric" label={t("fieldMaxUses")} hint={t("fieldMaxUsesHint")} />
          </div>
        </ActionForm>
      </Card>
      <section className="staff-section" aria-labelledby="codes-title">
        <h2 id="codes-title">{t("joinCodesTitle")}</h2>
        {codes.length === 0 ? (
          <EmptyState headingLevel={3} title={t("codesEmpty")}>
            {t("codesEmptyBody")}
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="staff-table" data-testid="join-codes">
              <caption className="visually-hidden">{t("joinCodesTitle")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("codeColumn")}</th>
                  <th scope="col">{t("roleColumn")}</th>
                  <th scope="col">{t("usesColumn")}</th>
                  <th scope="col">{t("expiresColumn")}</th>
                  <th scope="col">{t("statusColumn")}</th>
                  <th scope="col">{t("usedByColumn")}</th>
                  <th scope="col">{t("actionsColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {codes.map((c) => (
                  <CodeRow key={c.id} code={c} slug={course.slug} now={now} locale={locale} t={t} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </StaffPage>
  );
}

function CodeRow({ code: c, slug, now, locale, t }: { code: JoinCodeListing; slug: string; now: Date; locale: Locale; t: T }) {
  return (
    <tr data-code={c.code}>
      <th scope="row">
        <code>{c.code}</code>
      </th>
      <td>{roleLabel(c.role, t)}</td>
      <td>{c.maxUses === null ? t("usesUnlimited", { n: c.uses }) : t("usesOf", { n: c.uses, max: c.maxUses })}</td>
      <td>{c.expiresAt ? <time dateTime={c.expiresAt.toISOString()}>{formatDateTime(c.expiresAt, locale)}</time> : t("noExpiry")}</td>
      <td data-testid="code-status">{status(c, now, t)}</td>
      <td data-testid="code-used-by">
        {c.usedBy.length === 0 ? (
          <span className="muted">{t("nobodyYet")}</span>
        ) : (
          <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
            {c.usedBy.map((u) => (
              <li key={u.email}>
                {u.name} <span className="small muted">{u.email}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {c.revokedAt ? null : (
          <ActionForm action={`/api/courses/${slug}/join-codes/${c.id}/revoke`} submitLabel={t("revoke")} busyLabel={t("revoking")} failedMessage={t("failed")} variant="secondary" size="small" label={t("revokeCode", { code: c.code })} buttonLabel={t("revokeCode", { code: c.code })} />
        )}
      </td>
    </tr>
  );
}
