// An assignment's settings (instructors only: TAs get 403): version, dates, late penalty,
// attempts, points, scoring policy; and deleting an assignment nobody submitted to.
import "../../../assess.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findStaffAssignment } from "@course/db";
import { Breadcrumbs } from "../../../../../../../components/courses/Breadcrumbs.tsx";
import { AssignmentForm } from "../../../../../../../components/assess/AssignmentForm.tsx";
import { DeleteButton } from "../../../../../../../components/assess/DeleteButton.tsx";
import { staffPage } from "../../../../../../../lib/courses/assess-access.ts";
import { exerciseTitle, staffHref, utcInputValue } from "../../../../../../../lib/courses/assess-view.ts";
import { getDb } from "../../../../../../../lib/db.ts";
import { assessMessages } from "../../../../../../../lib/i18n/messages/assess.ts";
import { getLocale } from "../../../../../../../lib/i18n/server.ts";
import { translator } from "../../../../../../../lib/i18n/index.ts";
import { assignmentFormStrings } from "../../form-strings.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; exerciseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(assessMessages, await getLocale())("settings") };
}

export default async function AssignmentSettingsPage({ params }: Props) {
  const { slug, exerciseId } = await params;
  const { course } = await staffPage(slug, staffHref(slug, "assignments", exerciseId, "settings"), "editAssignment");
  const locale = await getLocale();
  const t = translator(assessMessages, locale);
  const db = getDb();
  const a = await findStaffAssignment(db, course.id, exerciseId);
  if (!a) notFound();
  const title = exerciseTitle(a.exercise, locale);
  const api = `/api/courses/${encodeURIComponent(course.slug)}/assignments/${encodeURIComponent(a.id)}`;
  const newest = a.exercise.versions[0]?.version ?? 0;

  return (
    <div className="container assess-page">
      <Breadcrumbs
        label={t("breadcrumbs")}
        items={[
          { href: "/my", label: t("myCourses") },
          { href: `/courses/${course.slug}`, label: course.title },
          { href: staffHref(course.slug, "assignments"), label: t("staffAssignments") },
          { href: staffHref(course.slug, "assignments", a.exercise.slug), label: title },
          { label: t("settings") },
        ]}
      />
      <header className="page-header">
        <h1>{t("settingsTitle", { title })}</h1>
        <p>{t("settingsLead")}</p>
      </header>
      <AssignmentForm
        url={api}
        method="PUT"
        versions={[{ value: "", label: t("versionNewest", { n: newest }) }, ...a.exercise.versions.map((v) => ({ value: v.id, label: t("versionN", { n: v.version }) }))]}
        initial={{
          exerciseVersionId: a.exerciseVersionId ?? "",
          opensAt: utcInputValue(a.opensAt),
          dueAt: utcInputValue(a.dueAt),
          lateDueAt: utcInputValue(a.lateDueAt),
          latePenalty: String(a.latePenalty),
          maxAttempts: a.maxAttempts === null ? "" : String(a.maxAttempts),
          points: String(a.points),
          scoringPolicy: a.scoringPolicy === "last" ? "last" : "best",
        }}
        strings={{ ...assignmentFormStrings(t), submit: t("save") }}
      />
      <section className="assess-section" aria-labelledby="delete-h">
        <h2 id="delete-h">{t("deleteAssignment")}</h2>
        <DeleteButton url={api} label={t("deleteAssignment")} confirm={t("deleteConfirm")} failed={t("failed")} then={staffHref(course.slug, "assignments")} />
      </section>
    </div>
  );
}
