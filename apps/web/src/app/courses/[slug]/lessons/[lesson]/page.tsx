import "../../../../../components/math/index.ts";
import "./lesson.css";
import type { Metadata } from "next";
import { Link } from "../../../../../components/ui/Link.tsx";
import { notFound, redirect } from "next/navigation";
import { getLesson } from "@course/lessons";
import { Breadcrumbs } from "../../../../../components/courses/Breadcrumbs.tsx";
import { LessonBody } from "../../../../../components/lessons/LessonBody.tsx";
import { LessonStatus } from "../../../../../components/lessons/LessonStatus.tsx";
import { Alert } from "../../../../../components/ui/index.ts";
import { requireUser } from "../../../../../lib/auth.ts";
import { readLessonProgress } from "../../../../../lib/courses/progress.ts";
import { courseLessons, findCourse, findEnrollment, localized } from "../../../../../lib/courses/queries.ts";
import { getDb } from "../../../../../lib/db.ts";
import { commonMessages } from "../../../../../lib/i18n/messages/common.ts";
import { courseMessages } from "../../../../../lib/i18n/messages/courses.ts";
import { lessonMessages } from "../../../../../lib/i18n/messages/lessons.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";
import { translator } from "../../../../../lib/i18n/index.ts";

type Props = { params: Promise<{ slug: string; lesson: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lesson } = await params;
  const content = await getLesson(lesson, await getLocale());
  return { title: content?.title ?? "Lesson", description: content?.summary };
}

export default async function LessonPage({ params }: Props) {
  const { slug, lesson: lessonSlug } = await params;
  const user = await requireUser(`/courses/${slug}/lessons/${lessonSlug}`);
  const locale = await getLocale();
  const db = getDb();
  const course = await findCourse(db, slug, locale);
  if (!course) notFound();
  const role = await findEnrollment(db, course.id, user.id);
  if (!role) redirect(`/courses/${slug}`);
  const lessons = await courseLessons(db, course.id, user.id, locale);
  const index = lessons.findIndex((l) => l.slug === lessonSlug);
  const lesson = lessons[index];
  if (!lesson) notFound();

  // Rendering only reads: the page itself records the visit with a POST (LessonStatus).
  const { status, answers } = await readLessonProgress(db, user.id, lesson.id);
  const content = await getLesson(lesson.slug, locale);
  const t = translator(courseMessages, locale);
  const c = translator(commonMessages, locale);

  const exerciseIds = content?.exerciseIds ?? [];
  const exercises = exerciseIds.length
    ? await db.exercise.findMany({ where: { slug: { in: exerciseIds } }, select: { slug: true, title: true, titleZh: true } })
    : [];
  const exerciseTitle = new Map(exercises.map((e) => [e.slug, localized(locale, e.title, e.titleZh)]));
  const prev = lessons[index - 1];
  const next = lessons[index + 1];
  const headings = content?.headings.filter((h) => h.level === 2) ?? [];

  return (
    <div className="container">
      <Breadcrumbs
        label={t("breadcrumbs")}
        items={[{ href: "/my", label: c("navMyCourses") }, { href: `/courses/${course.slug}`, label: course.title }, { label: content?.title ?? lesson.title }]}
      />
      <div className="lesson-layout">
        <article aria-labelledby="lesson-title">
          <header className="page-header">
            <p className="small muted" style={{ marginBottom: "0.3rem" }}>
              {t("lessonN", { n: lesson.position })}
              {content ? ` · ${t("minutes", { n: content.minutes })}` : null}
            </p>
            <h1 id="lesson-title">{content?.title ?? lesson.title}</h1>
            <div className="row">
              <LessonStatus lessonId={lesson.id} initial={status} locale={locale} />
            </div>
            {content?.summary ? <p style={{ marginTop: "0.75rem" }}>{content.summary}</p> : null}
          </header>
          {content?.fallback ? <Alert tone="info">{t("translationMissing")}</Alert> : null}
          {content ? (
            <LessonBody
              segments={content.segments}
              lang={content.locale}
              lessonId={lesson.id}
              courseSlug={course.slug}
              answers={answers}
              locale={locale}
              mathLabel={translator(lessonMessages, locale)("equationScrolls")}
            />
          ) : (
            <Alert tone="warning">{t("lessonMissing")}</Alert>
          )}

          <footer className="lesson-footer">
            <section aria-labelledby="exercises-title">
              <h2 id="exercises-title">{t("exercisesTitle")}</h2>
              {exerciseIds.length === 0 ? (
                <p className="muted">{t("exercisesEmpty")}</p>
              ) : (
                <ul className="exercise-links">
                  {exerciseIds.map((id) => (
                    <li key={id}>
                      <Link href={`/courses/${course.slug}/assignments/${id}`}>
                        <span>{exerciseTitle.get(id) ?? id}</span>
                        <span className="small" aria-hidden="true">
                          {t("startExercise")} →
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <form method="post" action="/api/progress" className="row" style={{ marginTop: "1.5rem" }}>
              <input type="hidden" name="lessonId" value={lesson.id} />
              {status === "done" ? (
                <>
                  <input type="hidden" name="event" value="reopen" />
                  <span className="muted">{t("lessonDoneNote")}</span>
                  <button type="submit" className="btn btn-secondary btn-small">
                    {t("markNotDone")}
                  </button>
                </>
              ) : (
                <>
                  <input type="hidden" name="event" value="complete" />
                  <button type="submit" className="btn btn-primary">
                    {t("markDone")}
                  </button>
                </>
              )}
            </form>

            <nav className="pager" aria-label={t("lessons")}>
              {prev ? (
                <Link href={`/courses/${course.slug}/lessons/${prev.slug}`} rel="prev">
                  ← {t("previousLesson", { title: prev.title })}
                </Link>
              ) : (
                <Link href={`/courses/${course.slug}`}>← {t("backToCourse")}</Link>
              )}
              {next ? (
                <Link href={`/courses/${course.slug}/lessons/${next.slug}`} rel="next">
                  {t("nextLesson", { title: next.title })} →
                </Link>
              ) : null}
            </nav>
          </footer>
        </article>
        {headings.length > 1 ? (
          <aside className="lesson-aside" aria-labelledby="toc-title">
            <h2 id="toc-title">{t("onThisPage")}</h2>
            <nav aria-labelledby="toc-title">
              <ul>
                {headings.map((h) => (
                  <li key={h.id}>
                    <a href={`#${h.id}`}>{h.text}</a>
                  </li>
                ))}
              </ul>
            </nav>
          </aside>
        ) : null}
      </div>
    </div>
  );
}
