import { CourseCard } from "../../components/courses/CourseCard.tsx";
import { EnrollCard } from "../../components/courses/EnrollCard.tsx";
import { EmptyState } from "../../components/ui/index.ts";
import { requireUser } from "../../lib/auth.ts";
import { listMyCourses } from "../../lib/courses/queries.ts";
import { getDb } from "../../lib/db.ts";
import { courseMessages } from "../../lib/i18n/messages/courses.ts";
import { getLocale } from "../../lib/i18n/server.ts";
import { translator } from "../../lib/i18n/index.ts";
import { titleFrom } from "../../lib/i18n/metadata.ts";

export const generateMetadata = titleFrom({ common: "navMyCourses" });

export default async function MyCoursesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser("/my");
  const [locale, params] = await Promise.all([getLocale(), searchParams]);
  const t = translator(courseMessages, locale);
  const courses = await listMyCourses(getDb(), user.id, locale);
  return (
    <div className="container">
      <header className="page-header">
        <h1>{t("myTitle")}</h1>
      </header>
      {courses.length === 0 ? (
        <EmptyState title={t("myEmpty")}>{t("myEmptyBody")}</EmptyState>
      ) : (
        <div className="grid" data-testid="my-courses">
          {courses.map((c) => (
            <CourseCard key={c.slug} course={c} locale={locale} />
          ))}
        </div>
      )}
      <div style={{ marginTop: "2rem", maxWidth: 520 }}>
        <EnrollCard locale={locale} initialCode={typeof params.code === "string" ? params.code : undefined} />
      </div>
    </div>
  );
}
