// The course's audit log, newest first, 25 a page (?page=). Instructors only: TAs get 403.
import { listAudit } from "@course/db";
import { StaffPage } from "../../../../components/staff/StaffPage.tsx";
import { Link } from "../../../../components/ui/Link.tsx";
import { EmptyState } from "../../../../components/ui/index.ts";
import { requireCourseAction } from "../../../../lib/courses/staff-access.ts";
import { formatDateTime } from "../../../../lib/format.ts";
import { staffMessages } from "../../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../../lib/i18n/index.ts";
import { staffTitle } from "../../../../lib/staff/metadata.ts";

export const generateMetadata = staffTitle("auditTitle");

const PAGE_SIZE = 25;

function json(value: unknown): string {
  return value === null || value === undefined ? "—" : JSON.stringify(value, null, 1);
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const { db, course, role, locale } = await requireCourseAction(slug, "viewAudit", `/courses/${slug}/audit`);
  const t = translator(staffMessages, locale);
  const raw = (await searchParams).page;
  const requested = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  const log = await listAudit(db, course.id, { page: requested, pageSize: PAGE_SIZE });
  const base = `/courses/${course.slug}/audit`;
  return (
    <StaffPage course={course} role={role} locale={locale} tab="audit" title={t("auditTitle")} lead={t("auditLead")}>
      {log.total === 0 ? (
        <EmptyState title={t("auditEmpty")}>{t("auditEmptyBody")}</EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="staff-table" data-testid="audit-log">
              <caption className="visually-hidden">
                {t("auditTitle")} — {t("pageOf", { page: log.page, pages: log.pages })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("whenColumn")}</th>
                  <th scope="col">{t("whoColumn")}</th>
                  <th scope="col">{t("actionColumn")}</th>
                  <th scope="col">{t("before")}</th>
                  <th scope="col">{t("after")}</th>
                </tr>
              </thead>
              <tbody>
                {log.entries.map((e) => (
                  <tr key={e.id} data-action={e.action}>
                    <td>
                      <time dateTime={e.createdAt.toISOString()} className="small">
                        {formatDateTime(e.createdAt, locale)}
                      </time>
                    </td>
                    <td>
                      {e.actor ? (
                        <>
                          {e.actor.name}
                          <div className="small muted">{e.actor.email}</div>
                        </>
                      ) : (
                        <span className="muted">{t("systemActor")}</span>
                      )}
                    </td>
                    <td>
                      <code>{e.action}</code>
                    </td>
                    <td>
                      <pre className="staff-json">{json(e.before)}</pre>
                    </td>
                    <td>
                      <pre className="staff-json">{json(e.after)}</pre>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="pager" aria-label={t("pagination")}>
            {log.page > 1 ? <Link href={`${base}?page=${log.page - 1}`}>{t("newer")}</Link> : null}
            <span className="small muted">{t("pageOf", { page: log.page, pages: log.pages })}</span>
            {log.page < log.pages ? <Link href={`${base}?page=${log.page + 1}`}>{t("older")}</Link> : null}
          </nav>
        </>
      )}
    </StaffPage>
  );
}
