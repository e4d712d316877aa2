import type { Metadata } from "next";
import { Link } from "../../../../components/ui/Link.tsx";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "../../../../components/courses/Breadcrumbs.tsx";
import { EnrollCard } from "../../../../components/courses/EnrollCard.tsx";
import { LessonStatusBadge } from "../../../../components/courses/LessonStatusBadge.tsx";
import { RoleBadge } from "../../../../components/courses/RoleBadge.tsx";
import { Alert, Badge, EmptyState } from "../../../../components/ui/index.ts";
import { getCurrentUser } from "../../../../lib/auth.ts";
import { PublicCoursePage } from "../../../../components/courses/PublicCoursePage.tsx";
import { StaffNav } from "../../../../components/courses/StaffNav.tsx";
import { isStaff } from "../../../../lib/courses/staff.ts";
import { courseAssignments, courseLessons, findCourse, findEnrollment, type CourseAssignment } from "../../../../lib/courses/queries.ts";
import { summarize } from "../../../../lib/courses/progress.ts";
import { getDb } from "../../../../lib/db.ts";
import { formatDateTime, formatScore } from "../../../../lib/format.ts";
import { commonMessages } from "../../../../lib/i18n/messages/common.ts";
import { courseMessages } from "../../../../lib/i18n/messages/courses.ts";
import { getLocale } from "../../../../lib/i18n/server.ts";
import { translator, type Locale, type Translate } from "../../../../lib/i18n/index.ts";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const course = await findCourse(getDb(), slug, await getLocale());
  return { title: course?.title ?? "Course" };
}

export default async function CoursePage({ params }: Props) {
  const { slug } = await params;
  const user = await getCurrentUser();
  const locale = await getLocale();
  const db = getDb();
  const course = await findCourse(db, slug, locale);
  if (!course) notFound();
  // Signed out: the public page (the layout has checked the course is published and not archived).
  if (!user) return <PublicCoursePage course={course} locale={locale} />;
  const t = translator(courseMessages, locale);
  const c = translator(commonMessages, locale);
  const role = await findEnrollment(db, course.id, user.id);

  const crumbs = <Breadcrumbs label={t("breadcrumbs")} items={[{ href: "/courses", label: c("navCatalog") }, { label: course.title }]} />;
  if (!role) {
    return (
      <div className="container container-narrow stack">
        {crumbs}
        <h1>{course.title}</h1>
        <p className="muted">{course.description}</p>
        <Alert tone="info" title={t("notEnrolledTitle")}>
          <p>{t("notEnrolledBody")}</p>
        </Alert>
        <EnrollCard locale={locale} />
      </div>
    );
  }

  const [lessons, assignments] = await Promise.all([courseLessons(db, course.id, user.id, locale), courseAssignments(db, course.id, user.id, locale)]);
  const progress = summarize(lessons.map((l) => l.status));
  return (
    <div className="container">
      {crumbs}
      <header className="page-header">
        <div className="spread">
          <h1 style={{ marginBottom: 0 }}>{course.title}</h1>
          <div className="row">
            <RoleBadge role={role} locale={locale} />
          </div>
        </div>
        <p style={{ marginTop: "0.75rem" }}>{course.description}</p>
        <p className="small" data-testid="progress-summary">
          {t("progressSummary", { done: progress.done, total: progress.total })}
        </p>
      </header>
      {isStaff(role) ? <StaffNav slug={course.slug} role={role} active="overview" locale={locale} /> : null}
      <div className="course-layout">
        <section aria-labelledby="lessons-title">
          <h2 id="lessons-title">{t("lessons")}</h2>
          {lessons.length === 0 ? (
            <EmptyState headingLevel={3} title={t("lessonsEmpty")}>
              {t("lessonsEmptyBody")}
            </EmptyState>
          ) : (
            <ol className="lesson-list" data-testid="lesson-list">
              {lessons.map((l) => (
                <li key={l.id} data-lesson={l.slug} data-status={l.status}>
                  <Link href={`/courses/${course.slug}/lessons/${l.slug}`}>
                    <span className={`lesson-number is-${l.status}`} aria-hidden="true">
                      {l.position}
                    </span>
                    <span className="lesson-title">
                      <span className="visually-hidden">{t("lessonN", { n: l.position })}: </span>
                      {l.title}
                    </span>
                    <LessonStatusBadge status={l.status} locale={locale} />
                  </Link>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section aria-labelledby="assignments-title">
          <h2 id="assignments-title">{t("assignments")}</h2>
          {assignments.length === 0 ? (
            <EmptyState headingLevel={3} title={t("assignmentsEmpty")}>
              {t("assignmentsEmptyBody")}
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="responsive-table" data-testid="assignments">
                <thead>
                  <tr>
                    <th scope="col">{t("assignmentColumn")}</th>
                    <th scope="col">{t("dueColumn")}</th>
                    <th scope="col">{t("scoreColumn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {assignments.map((a) => (
                    <tr key={a.id} data-exercise={a.exerciseSlug}>
                      <td className="assignment-title">
                        <Link href={`/courses/${course.slug}/assignments/${a.exerciseSlug}`}>{a.title}</Link>
                        {a.lessonPosition ? <div className="small muted">{t("lessonN", { n: a.lessonPosition })}</div> : null}
                      </td>
                      <td data-label={t("dueColumn")}>
                        <DueCell a={a} locale={locale} t={t} />
                      </td>
                      <td data-label={t("scoreColumn")} data-testid="best-score">
                        {a.bestScore === null ? (
                          <span className="muted">{t("notAttempted")}</span>
                        ) : (
                          <span>{t("bestScore", { score: formatScore(a.bestScore), max: formatScore(a.points) })}</span>
                        )}
                        {a.attempts > 0 ? <div className="small muted">{t("attempts", { n: a.attempts })}</div> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function DueCell({ a, locale, t }: { a: CourseAssignment; locale: Locale; t: Translate<keyof (typeof courseMessages)["en"]> }) {
  if (a.state === "upcoming" && a.opensAt) return <Badge>{t("opensOn", { date: formatDateTime(a.opensAt, locale) })}</Badge>;
  if (!a.dueAt) return <span className="muted">{t("noDueDate")}</span>;
  const due = (
    <time dateTime={a.dueAt.toISOString()} className="small">
      {formatDateTime(a.dueAt, locale)}
    </time>
  );
  if (a.state === "late" && a.lateDueAt)
    return (
      <div>
        <Badge tone="warning">{t("overdue")}</Badge>
        <div className="small muted">{t("lateWindow", { date: formatDateTime(a.lateDueAt, locale) })}</div>
      </div>
    );
  if (a.state === "closed")
    return (
      <div>
        <Badge tone="danger">{t("closed")}</Badge>
        <div>{due}</div>
      </div>
    );
  return due;
}
