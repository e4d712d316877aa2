// A course's page for visitors who are not signed in: the syllabus (description), the lesson list
// and how to join.
import { Breadcrumbs } from "./Breadcrumbs.tsx";
import { ButtonLink, Card, EmptyState } from "../ui/index.ts";
import { getDb } from "../../lib/db.ts";
import { publicSyllabus } from "../../lib/courses/public-course.ts";
import type { CourseHeader } from "../../lib/courses/queries.ts";
import { authMessages } from "../../lib/i18n/messages/auth.ts";
import { commonMessages } from "../../lib/i18n/messages/common.ts";
import { courseMessages } from "../../lib/i18n/messages/courses.ts";
import { staffMessages } from "../../lib/i18n/messages/staff.ts";
import { translator, type Locale } from "../../lib/i18n/index.ts";

export async function PublicCoursePage({ course, locale }: { course: CourseHeader; locale: Locale }) {
  const t = translator(staffMessages, locale);
  const c = translator(courseMessages, locale);
  const common = translator(commonMessages, locale);
  const a = translator(authMessages, locale);
  const syllabus = await publicSyllabus(getDb(), course.id, locale);
  const next = encodeURIComponent(`/courses/${course.slug}`);
  return (
    <div className="container">
      <Breadcrumbs label={c("breadcrumbs")} items={[{ href: "/courses", label: common("navCatalog") }, { label: course.title }]} />
      <header className="page-header">
        <h1>{course.title}</h1>
        {syllabus.assignments > 0 ? <p className="small muted">{t("publicAssignments", { n: syllabus.assignments })}</p> : null}
      </header>
      <div className="course-layout">
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t("aboutCourse")}</h2>
          <p style={{ whiteSpace: "pre-line" }} data-testid="syllabus">
            {course.description}
          </p>
          <h2 id="public-lessons-title">{t("publicLessons")}</h2>
          {syllabus.lessons.length === 0 ? (
            <EmptyState headingLevel={3} title={t("publicLessonsEmpty")} />
          ) : (
            <ol className="public-lessons" aria-labelledby="public-lessons-title" data-testid="public-lessons">
              {syllabus.lessons.map((l) => (
                <li key={l.position}>{l.title}</li>
              ))}
            </ol>
          )}
        </section>
        <Card aria-labelledby="join-title">
          <h2 id="join-title" style={{ fontSize: "1.1rem" }}>
            {t("publicJoinTitle")}
          </h2>
          <p className="muted">{t("publicJoinBody")}</p>
          <div className="row">
            <ButtonLink href={`/signin?next=${next}`}>{a("signInTitle")}</ButtonLink>
            <ButtonLink href={`/signup?next=${next}`} variant="secondary">
              {a("createAccount")}
            </ButtonLink>
          </div>
        </Card>
      </div>
    </div>
  );
}
