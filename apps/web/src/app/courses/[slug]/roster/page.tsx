// The roster: every member, searched and sorted on the server (?q=, ?sort=, ?dir=). Instructors
// change roles, remove members and import a CSV; instructors and TAs issue a student's reset link.
import { listRoster, ROSTER_SORTS, type RosterMember, type RosterSort } from "@course/db";
import { ActionForm } from "../../../../components/staff/ActionForm.tsx";
import { CsvFileField } from "../../../../components/staff/CsvFileField.tsx";
import { RoleSelect } from "../../../../components/staff/RoleSelect.tsx";
import { StaffPage } from "../../../../components/staff/StaffPage.tsx";
import { Link } from "../../../../components/ui/Link.tsx";
import { Button, ButtonLink, Card, EmptyState } from "../../../../components/ui/index.ts";
import { can } from "../../../../lib/courses/permissions.ts";
import { requireCourseAction } from "../../../../lib/courses/staff-access.ts";
import { formatDateTime } from "../../../../lib/format.ts";
import { staffMessages } from "../../../../lib/i18n/messages/staff.ts";
import { translator, type Translate } from "../../../../lib/i18n/index.ts";
import { staffTitle } from "../../../../lib/staff/metadata.ts";

export const generateMetadata = staffTitle("rosterTitle");

type T = Translate<keyof (typeof staffMessages)["en"]>;
type Search = Record<string, string | string[] | undefined>;

const COLUMN_LABEL: Record<RosterSort, keyof (typeof staffMessages)["en"]> = { name: "nameColumn", email: "emailColumn", role: "roleColumn", joined: "joinedColumn" };

function one(v: string | string[] | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export default async function RosterPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const { db, course, role, locale, user } = await requireCourseAction(slug, "viewStaffPages", `/courses/${slug}/roster`);
  const t = translator(staffMessages, locale);
  const query = await searchParams;
  const q = (one(query.q) ?? "").trim().slice(0, 100);
  const sortParam = one(query.sort);
  const sort: RosterSort = (ROSTER_SORTS as readonly string[]).includes(sortParam ?? "") ? (sortParam as RosterSort) : "name";
  const dir = one(query.dir) === "desc" ? "desc" : "asc";
  const members = await listRoster(db, course.id, { q, sort, dir });
  const manage = can(role, "manageRoster");
  const grade = can(role, "grade");
  const base = `/courses/${course.slug}/roster`;
  const sortHref = (column: RosterSort) => {
    const next = new URLSearchParams({ sort: column, dir: column === sort && dir === "asc" ? "desc" : "asc" });
    if (q) next.set("q", q);
    return `${base}?${next.toString()}`;
  };
  const header = (column: RosterSort) => (
    <th scope="col" aria-sort={column === sort ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link className="sort-link" href={sortHref(column)} aria-label={t("sortBy", { column: t(COLUMN_LABEL[column]) })}>
        {t(COLUMN_LABEL[column])}
        {column === sort ? <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span> : null}
      </Link>
    </th>
  );

  return (
    <StaffPage
      course={course}
      role={role}
      locale={locale}
      tab="roster"
      title={t("rosterTitle")}
      lead={t("rosterLead")}
      actions={
        <a className="btn btn-secondary" href={`/courses/${course.slug}/roster/csv`} download>
          {t("exportCsv")}
        </a>
      }
    >
      <form method="get" action={base} className="form staff-inline-form" role="search">
        <input type="hidden" name="sort" value={sort} />
        <input type="hidden" name="dir" value={dir} />
        <div className="field" style={{ flex: "1 1 16rem" }}>
          <label htmlFor="roster-q">{t("search")}</label>
          <input id="roster-q" className="input" type="search" name="q" defaultValue={q} maxLength={100} />
        </div>
        <Button type="submit" variant="secondary">
          {t("searchButton")}
        </Button>
        {q ? (
          <ButtonLink href={base} variant="ghost">
            {t("clearSearch")}
          </ButtonLink>
        ) : null}
      </form>
      <p className="small muted" data-testid="members-count">
        {t("membersCount", { n: members.length })}
      </p>
      {members.length === 0 ? (
        <EmptyState headingLevel={2} title={t("rosterNoMatch", { q })} />
      ) : (
        <div className="table-wrap">
          <table className="staff-table" data-testid="roster">
            <caption className="visually-hidden">{t("rosterTitle")}</caption>
            <thead>
              <tr>
                {header("name")}
                {header("email")}
                {header("role")}
                {header("joined")}
                <th scope="col">{t("joinCodeColumn")}</th>
                <th scope="col">{t("submissionsColumn")}</th>
                {manage || grade ? <th scope="col">{t("actionsColumn")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <MemberRow key={m.userId} m={m} slug={course.slug} t={t} locale={locale} manage={manage} grade={grade} self={m.userId === user.id} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage ? (
        <section className="staff-section" aria-labelledby="import-title">
          <Card>
            <h2 id="import-title" style={{ fontSize: "1.1rem" }}>
              {t("importTitle")}
            </h2>
            <p className="small muted">{t("importLead")}</p>
            <ActionForm action={`/api/courses/${course.slug}/roster/import`} submitLabel={t("importButton")} busyLabel={t("importing")} failedMessage={t("failed")} resetOnSuccess testId="roster-import-form">
              <CsvFileField fileLabel={t("fieldCsvFile")} textLabel={t("fieldCsvText")} textHint={t("fieldCsvTextHint")} />
            </ActionForm>
          </Card>
        </section>
      ) : null}
    </StaffPage>
  );
}

function MemberRow({ m, slug, t, locale, manage, grade, self }: { m: RosterMember; slug: string; t: T; locale: "en" | "zh-CN"; manage: boolean; grade: boolean; self: boolean }) {
  const roleText = m.role === "instructor" ? t("roleInstructor") : m.role === "ta" ? t("roleTa") : t("roleStudent");
  return (
    <tr data-member={m.email}>
      <th scope="row">{m.name}</th>
      <td>{m.email}</td>
      <td data-testid="member-role">{roleText}</td>
      <td>
        <time dateTime={m.joinedAt.toISOString()} className="small">
          {formatDateTime(m.joinedAt, locale)}
        </time>
      </td>
      <td>{m.joinCode ? <code>{m.joinCode}</code> : <span className="muted">—</span>}</td>
      <td>{m.submissions}</td>
      {manage || grade ? (
        <td>
          <div className="stack">
            {manage ? (
              <ActionForm action={`/api/courses/${slug}/roster/role`} submitLabel={t("changeRole")} busyLabel={t("saving")} failedMessage={t("failed")} variant="secondary" size="small" className="staff-inline-form" buttonLabel={`${t("changeRole")}: ${m.name}`}>
                <input type="hidden" name="userId" value={m.userId} />
                <RoleSelect id={`role-${m.userId}`} label={t("roleOf", { name: m.name })} locale={locale} defaultValue={m.role} />
              </ActionForm>
            ) : null}
            {manage && !self ? (
              <ActionForm action={`/api/courses/${slug}/roster/remove`} submitLabel={t("remove")} busyLabel={t("removing")} failedMessage={t("failed")} variant="ghost" size="small" label={t("removeMember", { name: m.name })} buttonLabel={t("removeMember", { name: m.name })}>
                <input type="hidden" name="userId" value={m.userId} />
              </ActionForm>
            ) : null}
            {grade && m.role === "student" ? (
              <ActionForm action={`/api/courses/${slug}/roster/reset`} submitLabel={t("issueReset")} busyLabel={t("issuing")} failedMessage={t("failed")} variant="ghost" size="small" label={t("issueResetFor", { name: m.name })} buttonLabel={t("issueResetFor", { name: m.name })}>
                <input type="hidden" name="userId" value={m.userId} />
              </ActionForm>
            ) : null}
          </div>
        </td>
      ) : null}
    </tr>
  );
}
