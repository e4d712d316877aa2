import { Link } from "../ui/Link.tsx";
import { Card } from "../ui/index.ts";
import type { CatalogCourse, MyCourse } from "../../lib/courses/queries.ts";
import { courseMessages } from "../../lib/i18n/messages/courses.ts";
import { translator, type Locale } from "../../lib/i18n/index.ts";
import { RoleBadge } from "./RoleBadge.tsx";

export function CourseCard({ course, locale }: { course: CatalogCourse | MyCourse; locale: Locale }) {
  const t = translator(courseMessages, locale);
  const progress = "progress" in course ? course.progress : null;
  const percent = progress && progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <Card as="article" className="course-card">
      <h2>
        <Link href={`/courses/${course.slug}`}>{course.title}</Link>
      </h2>
      <div className="meta">
        <span>{t("lessonsCount", { n: course.lessons })}</span>
        <span aria-hidden="true">·</span>
        <span>{t("assignmentsCount", { n: course.assignments })}</span>
        {course.role ? <RoleBadge role={course.role} locale={locale} /> : null}
      </div>
      <p className="muted">{course.description}</p>
      {progress ? (
        <>
          <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t("progressSummary", { done: progress.done, total: progress.total })}>
            <span style={{ width: `${percent}%` }} />
          </div>
          <p className="small muted">{t("progressSummary", { done: progress.done, total: progress.total })}</p>
        </>
      ) : null}
    </Card>
  );
}
