// Staff list of a course's assignments: dates, version, attempts, policy, submission counts, with
// links to each assignment's extensions and regrade, settings (instructors) and analytics; the
// instructors' form for a new assignment.
import "../assess.css";
import type { Metadata } from "next";
import { assignableExercises, listStaffAssignments } from "@course/db";
import { StaffNav } from "../../../../../components/courses/StaffNav.tsx";
import { AssignmentForm } from "../../../../../components/assess/AssignmentForm.tsx";
import { Link } from "../../../../../components/ui/Link.tsx";
import { staffMay, staffPage } from "../../../../../lib/courses/assess-access.ts";
import { dateOrDash, exerciseTitle, staffHref } from "../../../../../lib/courses/assess-view.ts";
import { getDb } from "../../../../../lib/db.ts";
import { formatScore } from "../../../../../lib/format.ts";
import { assessMessages } from "../../../../../lib/i18n/messages/assess.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";
import { translator } from "../../../../../lib/i18n/index.ts";
import { assignmentFormStrings } from "./form-strings.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(assessMessages, await getLocale())("staffAssignments") };
}

export default async function StaffAssignmentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { course, role } = await staffPage(slug, staffHref(slug, "assignments"), "read");
  const locale = await getLocale();
  const t = translator(assessMessages, locale);
  const db = getDb();
  const canEdit = staffMay(role, "editAssignment");
  const [assignments, exercises] = await Promise.all([listStaffAssignments(db, course.id), canEdit ? assignableExercises(db, course.id) : []]);
  const assigned = new Set(assignments.map((a) => a.exerciseId));
  const available = exercises.filter((e) => !assigned.has(e.id) && e.versions.length > 0);

  return (
    <div className="container assess-page">
      <StaffNav slug={course.slug} role={role} active="assignments" locale={locale} />
      <header className="page-header">
        <h1>{t("staffAssignments")}</h1>
        <p>{t("staffAssignmentsLead")}</p>
      </header>
      <p className="assess-links">
        <Link href={`/courses/${course.slug}/gradebook`}>{t("gradebook")}</Link>
      </p>
      {assignments.length === 0 ? (
        <p>{t("noAssignments")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="assignments-caption" tabIndex={0}>
          <table className="assess-table" data-testid="staff-assignments">
            <caption id="assignments-caption" className="visually-hidden">
              {t("staffAssignments")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("exercise")}</th>
                <th scope="col">{t("version")}</th>
                <th scope="col">{t("opens")}</th>
                <th scope="col">{t("due")}</th>
                <th scope="col">{t("lateDue")}</th>
                <th scope="col">{t("maxAttempts")}</th>
                <th scope="col">{t("scoringPolicy")}</th>
                <th scope="col" className="assess-num">
                  {t("points")}
                </th>
                <th scope="col" className="assess-num">
                  {t("submissions")}
                </th>
                <th scope="col">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => {
                const title = exerciseTitle(a.exercise, locale);
                const newest = a.exercise.versions[0]?.version ?? 0;
                return (
                  <tr key={a.id} data-exercise={a.exercise.slug}>
                    <th scope="row">{title}</th>
                    <td>{a.exerciseVersion ? t("versionPinned", { n: a.exerciseVersion.version }) : t("versionNewestShort", { n: newest })}</td>
                    <td>{dateOrDash(a.opensAt, locale)}</td>
                    <td>{dateOrDash(a.dueAt, locale)}</td>
                    <td>{dateOrDash(a.lateDueAt, locale)}</td>
                    <td>{a.maxAttempts ?? t("unlimited")}</td>
                    <td>{a.scoringPolicy === "last" ? t("policyLast") : t("policyBest")}</td>
                    <td className="assess-num">{formatScore(a.points)}</td>
                    <td className="assess-num">{a._count.submissions}</td>
                    <td>
                      <span className="assess-links">
                        <Link href={staffHref(course.slug, "assignments", a.exercise.slug)}>{t("manage")}</Link>
                        {canEdit ? <Link href={staffHref(course.slug, "assignments", a.exercise.slug, "settings")}>{t("settings")}</Link> : null}
                        <Link href={staffHref(course.slug, "assignments", a.exercise.slug, "analytics")}>{t("analytics")}</Link>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && available.length > 0 ? (
        <section className="assess-section" aria-labelledby="new-assignment-h">
          <h2 id="new-assignment-h">{t("newAssignment")}</h2>
          <AssignmentForm
            url={`/api/courses/${encodeURIComponent(course.slug)}/assignments`}
            method="POST"
            afterCreate={staffHref(course.slug, "assignments")}
            exercises={available.map((e) => ({
              value: e.id,
              label: exerciseTitle(e, locale),
              versions: [{ value: "", label: t("versionNewest", { n: e.versions[0]?.version ?? 0 }) }, ...e.versions.map((v) => ({ value: v.id, label: t("versionN", { n: v.version }) }))],
            }))}
            initial={{ exerciseVersionId: "", opensAt: "", dueAt: "", lateDueAt: "", latePenalty: "0", maxAttempts: "", points: "100", scoringPolicy: "best" }}
            strings={{ ...assignmentFormStrings(t), submit: t("create") }}
          />
        </section>
      ) : null}
    </div>
  );
}
