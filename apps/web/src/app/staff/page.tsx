// The staff home: where users who teach land after signing in. Their courses (instructor or TA,
// not archived) with what needs attention: failed grading jobs, deadlines in the next 7 days,
// students who have not submitted anything yet.
import "../../components/courses/staff.css";
import { canCreateCourses, staffCourses, type StaffCourse } from "@course/db";
import { RoleBadge } from "../../components/courses/RoleBadge.tsx";
import { Link } from "../../components/ui/Link.tsx";
import { Badge, ButtonLink, Card, EmptyState } from "../../components/ui/index.ts";
import { requireUser } from "../../lib/auth.ts";
import { localized } from "../../lib/courses/queries.ts";
import { getDb } from "../../lib/db.ts";
import { formatDateTime } from "../../lib/format.ts";
import { staffMessages } from "../../lib/i18n/messages/staff.ts";
import { getLocale } from "../../lib/i18n/server.ts";
import { translator, type Locale, type Translate } from "../../lib/i18n/index.ts";
import { staffTitle } from "../../lib/staff/metadata.ts";

export const generateMetadata = staffTitle("staffTitle");

type T = Translate<keyof (typeof staffMessages)["en"]>;

export default async function StaffHomePage() {
  const user = await requireUser("/staff");
  const locale = await getLocale();
  const db = getDb();
  const t = translator(staffMessages, locale);
  const [courses, mayCreate] = await Promise.all([staffCourses(db, user.id), canCreateCourses(db, user.id)]);
  return (
    <div className="container">
      <header className="page-header spread">
        <div>
          <h1>{t("staffTitle")}</h1>
          <p>{t("staffLead")}</p>
        </div>
        {mayCreate ? <ButtonLink href="/staff/courses/new">{t("createCourse")}</ButtonLink> : null}
      </header>
      {courses.length === 0 ? (
        <EmptyState title={t("staffEmpty")}>{mayCreate ? t("staffEmptyBody") : t("staffEmptyNoCreate")}</EmptyState>
      ) : (
        <ul className="grid" data-testid="staff-courses" style={{ listStyle: "none", padding: 0 }}>
          {courses.map((c) => (
            <StaffCourseCard key={c.id} course={c} locale={locale} t={t} />
          ))}
        </ul>
      )}
    </div>
  );
}

function StaffCourseCard({ course: c, locale, t }: { course: StaffCourse; locale: Locale; t: T }) {
  const headingId = `course-${c.id}`;
  return (
    <Card as="li" aria-labelledby={headingId}>
      <div data-course={c.slug}>
        <div className="spread">
          <h2 id={headingId} style={{ fontSize: "1.15rem", margin: 0 }}>
            <Link href={`/courses/${c.slug}`}>{localized(locale, c.title, c.titleZh)}</Link>
          </h2>
          <RoleBadge role={c.role} locale={locale} />
        </div>
        <p className="small muted">
          {t("studentsCount", { n: c.students })}
          {c.published ? null : (
            <>
              {" · "}
              <Badge>{t("unpublished")}</Badge>
            </>
          )}
        </p>
        <h3 className="small" style={{ margin: "0.75rem 0 0" }}>
          {t("attention")}
        </h3>
        <ul className="staff-attention">
          <li data-testid="failed-jobs">{c.failedJobs > 0 ? <Badge tone="danger">{t("failedJobs", { n: c.failedJobs })}</Badge> : <span className="muted">{t("failedJobsNone")}</span>}</li>
          <li data-testid="silent-students">
            {c.studentsWithoutSubmission > 0 ? <Badge tone="warning">{t("silentStudents", { n: c.studentsWithoutSubmission })}</Badge> : <span className="muted">{t("silentNone")}</span>}
          </li>
          <li data-testid="due-this-week">
            {c.dueThisWeek.length === 0 ? (
              <span className="muted">{t("dueNone")}</span>
            ) : (
              <>
                {t("dueThisWeek")}:
                <ul>
                  {c.dueThisWeek.map((d) => (
                    <li key={d.exerciseSlug}>
                      {localized(locale, d.title, d.titleZh)}{" "}
                      <time className="small muted" dateTime={d.dueAt.toISOString()}>
                        {formatDateTime(d.dueAt, locale)}
                      </time>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </li>
        </ul>
        <div className="row">
          <ButtonLink href={`/courses/${c.slug}/gradebook`} variant="secondary" size="small">
            {t("tabGradebook")}
          </ButtonLink>
          <ButtonLink href={`/courses/${c.slug}/roster`} variant="secondary" size="small">
            {t("tabRoster")}
          </ButtonLink>
        </div>
      </div>
    </Card>
  );
}
