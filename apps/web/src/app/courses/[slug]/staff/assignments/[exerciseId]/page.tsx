// One assignment for its staff: the current settings, students' extensions (grant, change,
// remove) and regrades with their live progress. Instructors and TAs.
import "../../assess.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { findStaffAssignment, listCourseStudents, listExtensions, listRegradeRuns } from "@course/db";
import { Breadcrumbs } from "../../../../../../components/courses/Breadcrumbs.tsx";
import { DeleteButton } from "../../../../../../components/assess/DeleteButton.tsx";
import { ExtensionForm } from "../../../../../../components/assess/ExtensionForm.tsx";
import { RegradePanel } from "../../../../../../components/assess/RegradePanel.tsx";
import { Link } from "../../../../../../components/ui/Link.tsx";
import { staffMay, staffPage } from "../../../../../../lib/courses/assess-access.ts";
import { dateOrDash, exerciseTitle, staffHref } from "../../../../../../lib/courses/assess-view.ts";
import { getDb } from "../../../../../../lib/db.ts";
import { formatScore } from "../../../../../../lib/format.ts";
import { assessMessages } from "../../../../../../lib/i18n/messages/assess.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { translator } from "../../../../../../lib/i18n/index.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; exerciseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(assessMessages, await getLocale())("manage") };
}

export default async function StaffAssignmentPage({ params }: Props) {
  const { slug, exerciseId } = await params;
  const { course, role } = await staffPage(slug, staffHref(slug, "assignments", exerciseId), "read");
  const locale = await getLocale();
  const t = translator(assessMessages, locale);
  const db = getDb();
  const a = await findStaffAssignment(db, course.id, exerciseId);
  if (!a) notFound();
  const [extensions, students, runs] = await Promise.all([listExtensions(db, a.id), listCourseStudents(db, course.id), listRegradeRuns(db, a.id)]);
  const title = exerciseTitle(a.exercise, locale);
  const names = new Map(students.map((s) => [s.id, s.name]));
  const api = `/api/courses/${encodeURIComponent(course.slug)}`;
  const studentOptions = students.map((s) => ({ value: s.id, label: `${s.name} <${s.email}>` }));
  const newest = a.exercise.versions[0];
  const active = runs.find((r) => r.finishedAt === null) ?? runs[0] ?? null;

  return (
    <div className="container assess-page">
      <Breadcrumbs
        label={t("breadcrumbs")}
        items={[{ href: "/my", label: t("myCourses") }, { href: `/courses/${course.slug}`, label: course.title }, { href: staffHref(course.slug, "assignments"), label: t("staffAssignments") }, { label: title }]}
      />
      <header className="page-header">
        <h1>{t("manageTitle", { title })}</h1>
      </header>
      <p className="assess-links">
        {staffMay(role, "editAssignment") ? <Link href={staffHref(course.slug, "assignments", a.exercise.slug, "settings")}>{t("settings")}</Link> : null}
        <Link href={staffHref(course.slug, "assignments", a.exercise.slug, "analytics")}>{t("analytics")}</Link>
        <Link href={`/courses/${course.slug}/gradebook`}>{t("gradebook")}</Link>
      </p>

      <section aria-labelledby="summary-h">
        <h2 id="summary-h">{t("summary")}</h2>
        <dl className="assess-dl" data-testid="assignment-summary">
          <dt>{t("version")}</dt>
          <dd>{a.exerciseVersion ? t("versionPinned", { n: a.exerciseVersion.version }) : t("versionNewestShort", { n: newest?.version ?? 0 })}</dd>
          <dt>{t("opens")}</dt>
          <dd>{dateOrDash(a.opensAt, locale)}</dd>
          <dt>{t("due")}</dt>
          <dd data-testid="summary-due">{dateOrDash(a.dueAt, locale)}</dd>
          <dt>{t("lateDue")}</dt>
          <dd>{dateOrDash(a.lateDueAt, locale)}</dd>
          <dt>{t("latePenalty")}</dt>
          <dd>{Math.round(a.latePenalty * 100)}%</dd>
          <dt>{t("maxAttempts")}</dt>
          <dd>{a.maxAttempts ?? t("unlimited")}</dd>
          <dt>{t("points")}</dt>
          <dd>{formatScore(a.points)}</dd>
          <dt>{t("scoringPolicy")}</dt>
          <dd data-testid="summary-policy">{a.scoringPolicy === "last" ? t("policyLast") : t("policyBest")}</dd>
        </dl>
      </section>

      <section className="assess-section" aria-labelledby="extensions-h">
        <h2 id="extensions-h">{t("extensions")}</h2>
        <p>{t("extensionsLead")}</p>
        {extensions.length === 0 ? (
          <p data-testid="no-extensions">{t("noExtensions")}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="extensions-h" tabIndex={0}>
            <table className="assess-table" data-testid="extensions">
              <thead>
                <tr>
                  <th scope="col">{t("student")}</th>
                  <th scope="col">{t("due")}</th>
                  <th scope="col">{t("lateDue")}</th>
                  <th scope="col" className="assess-num">
                    {t("extraAttempts")}
                  </th>
                  <th scope="col">{t("reasonColumn")}</th>
                  <th scope="col">{t("actions")}</th>
                </tr>
              </thead>
              <tbody>
                {extensions.map((e) => (
                  <tr key={e.id} data-student={e.user.email}>
                    <th scope="row">{e.user.name}</th>
                    <td>{dateOrDash(e.dueAt, locale)}</td>
                    <td>{dateOrDash(e.lateDueAt, locale)}</td>
                    <td className="assess-num">{e.extraAttempts}</td>
                    <td>{e.reason ?? t("none")}</td>
                    <td>
                      <DeleteButton url={`${api}/extensions/${encodeURIComponent(e.id)}`} label={t("remove")} ariaLabel={t("removeExtension", { name: e.user.name })} failed={t("failed")} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t("grant")}</h3>
        <p className="small">{t("extensionReplace")}</p>
        <ExtensionForm
          url={`${api}/assignments/${encodeURIComponent(a.id)}/extensions`}
          students={studentOptions}
          strings={{
            student: t("student"),
            chooseStudent: t("chooseStudent"),
            due: t("due"),
            lateDue: t("lateDue"),
            datesHint: t("datesHint"),
            extraAttempts: t("extraAttempts"),
            reason: t("reason"),
            grant: t("grant"),
            saving: t("saving"),
            failed: t("failed"),
          }}
        />
      </section>

      <section className="assess-section" aria-labelledby="regrade-h">
        <h2 id="regrade-h">{t("regrade")}</h2>
        <p>{t("regradeLead")}</p>
        <RegradePanel
          startUrl={`${api}/assignments/${encodeURIComponent(a.id)}/regrades`}
          progressUrl={`${api}/regrades`}
          versions={a.exercise.versions.map((v, i) => ({ value: v.id, label: i === 0 ? t("versionNewest", { n: v.version }) : t("versionN", { n: v.version }) }))}
          students={studentOptions}
          activeRunId={active?.finishedAt === null ? active.id : null}
          strings={{
            regradeVersion: t("regradeVersion"),
            regradeWho: t("regradeWho"),
            everyone: t("everyone"),
            startRegrade: t("startRegrade"),
            starting: t("starting"),
            regradeProgress: t("regradeProgress"),
            regradeStatus: assessMessages[locale].regradeStatus,
            regradeDone: assessMessages[locale].regradeDone,
            regradeFailedJobs: assessMessages[locale].regradeFailedJobs,
            failed: t("failed"),
          }}
        />
        <h3>{t("regradeRuns")}</h3>
        {runs.length === 0 ? (
          <p>{t("noRuns")}</p>
        ) : (
          <div className="table-wrap" role="region" aria-label={t("regradeRuns")} tabIndex={0}>
            <table className="assess-table" data-testid="regrade-runs">
              <thead>
                <tr>
                  <th scope="col">{t("runWhen")}</th>
                  <th scope="col">{t("runVersion")}</th>
                  <th scope="col">{t("student")}</th>
                  <th scope="col" className="assess-num">
                    {t("runScope")}
                  </th>
                  <th scope="col">{t("runState")}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{dateOrDash(r.createdAt, locale)}</th>
                    <td>{t("versionN", { n: r.exerciseVersion.version })}</td>
                    <td>{r.userId ? (names.get(r.userId) ?? t("runOneStudent")) : t("everyone")}</td>
                    <td className="assess-num">{r.total}</td>
                    <td>{r.finishedAt ? t("runFinished") : t("runRunning")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
