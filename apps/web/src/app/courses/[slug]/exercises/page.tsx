// The course's Exercises area (instructors only): the exercises it authored with their drafts,
// published versions and assignments, and a form to start a new one.
import "../../../../components/authoring/authoring.css";
import { listCourseExercises } from "@course/db";
import { CreateExerciseForm } from "../../../../components/authoring/create-exercise-form.tsx";
import { EditExerciseButton } from "../../../../components/authoring/edit-exercise-button.tsx";
import { StaffNav } from "../../../../components/courses/StaffNav.tsx";
import { Badge, EmptyState } from "../../../../components/ui/index.ts";
import { Link } from "../../../../components/ui/Link.tsx";
import { instructorPage } from "../../../../lib/authoring/page-access.ts";
import { bundleHash, storedBundle } from "../../../../lib/authoring/drafts.ts";
import { translator } from "../../../../lib/i18n/index.ts";
import { authoringMessages } from "../../../../lib/i18n/messages/authoring.ts";
import { getLocale } from "../../../../lib/i18n/server.ts";

export async function generateMetadata() {
  return { title: translator(authoringMessages, await getLocale())("exercises") };
}
export const dynamic = "force-dynamic";

export default async function ExercisesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { locale, db, course } = await instructorPage(slug, `/courses/${slug}/exercises`);
  const t = translator(authoringMessages, locale);
  const [rows, catalogue] = await Promise.all([
    listCourseExercises(db, course.id, (json) => bundleHash(storedBundle(json))),
    db.exercise.findMany({
      where: { OR: [{ courseId: null }, { courseId: course.id }], versions: { some: {} } },
      select: { slug: true, title: true, titleZh: true },
      orderBy: { slug: "asc" },
    }),
  ]);
  const base = `/courses/${course.slug}`;
  return (
    <div className="container authoring-page">
      <StaffNav slug={course.slug} role="instructor" active="exercises" locale={locale} />
      <header className="page-header">
        <h1>{t("exercises")}</h1>
        <p>{t("exercisesLead")}</p>
      </header>
      {rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="exercises-caption" tabIndex={0}>
          <table className="authoring-table" data-testid="course-exercises">
            <caption id="exercises-caption">{t("listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colExercise")}</th>
                <th scope="col">{t("colVersion")}</th>
                <th scope="col">{t("colStatus")}</th>
                <th scope="col">{t("colAssignment")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("edit")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.slug} data-exercise={r.slug}>
                  <th scope="row">
                    <code>{r.slug}</code>
                    {r.title !== r.slug ? (
                      <div className="small muted">
                        {locale === "zh-CN" ? (r.titleZh ?? r.title) : r.title}
                      </div>
                    ) : null}
                  </th>
                  <td data-testid="exercise-version">{r.version ?? t("notPublished")}</td>
                  <td>
                    {r.version === null ? (
                      <Badge tone="info">{t("statusDraftOnly")}</Badge>
                    ) : r.unpublishedChanges ? (
                      <Badge tone="info">{t("statusChanged")}</Badge>
                    ) : (
                      <Badge tone="success">{t("statusPublished")}</Badge>
                    )}
                  </td>
                  <td>
                    {r.assignmentId === null ? (
                      t("notAssigned")
                    ) : (
                      <Link href={`${base}/assignments/${r.slug}`}>
                        {r.assignedVersion === null
                          ? t("statusPublished")
                          : t("assignedVersion", { n: r.assignedVersion })}
                      </Link>
                    )}
                  </td>
                  <td>
                    {r.draftId !== null ? (
                      <Link
                        className="btn btn-secondary btn-small"
                        href={`${base}/exercises/drafts/${r.draftId}`}
                      >
                        {t("edit")} <span className="visually-hidden">{r.slug}</span>
                      </Link>
                    ) : (
                      <EditExerciseButton
                        courseSlug={course.slug}
                        exercise={r.slug}
                        label={t("edit")}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card authoring-new" aria-labelledby="new-exercise-h">
        <h2 id="new-exercise-h">{t("newExercise")}</h2>
        <p className="muted">{t("newExerciseLead")}</p>
        <CreateExerciseForm
          courseSlug={course.slug}
          sources={catalogue.map((e) => ({
            slug: e.slug,
            title: locale === "zh-CN" ? (e.titleZh ?? e.title) : e.title,
          }))}
          m={{
            slugLabel: t("slugLabel"),
            slugHint: t("slugHint"),
            startFrom: t("startFrom"),
            fromTemplate: t("fromTemplate"),
            create: t("create"),
            creating: t("creating"),
          }}
        />
      </section>
    </div>
  );
}
