import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { Breadcrumbs } from "../../../../components/courses/Breadcrumbs.tsx";
import { EmptyState } from "../../../../components/ui/index.ts";
import { requireUser } from "../../../../lib/auth.ts";
import { gradebook } from "../../../../lib/courses/queries.ts";
import { staffAccess } from "../../../../lib/courses/staff.ts";
import { getDb } from "../../../../lib/db.ts";
import { formatScore } from "../../../../lib/format.ts";
import { commonMessages } from "../../../../lib/i18n/messages/common.ts";
import { courseMessages } from "../../../../lib/i18n/messages/courses.ts";
import { getLocale } from "../../../../lib/i18n/server.ts";
import { translator } from "../../../../lib/i18n/index.ts";

export const metadata: Metadata = { title: "Gradebook" };

export default async function GradebookPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/courses/${slug}/gradebook`);
  const locale = await getLocale();
  const db = getDb();
  const access = await staffAccess(db, slug, user.id, locale);
  if (access.kind === "no_course") notFound();
  if (access.kind === "forbidden") forbidden();
  const { course } = access;
  const t = translator(courseMessages, locale);
  const c = translator(commonMessages, locale);
  const g = await gradebook(db, course.id, locale);
  const maxTotal = g.assignments.reduce((sum, a) => sum + a.points, 0);
  return (
    <div className="container">
      <Breadcrumbs label={t("breadcrumbs")} items={[{ href: "/my", label: c("navMyCourses") }, { href: `/courses/${course.slug}`, label: course.title }, { label: t("gradebook") }]} />
      <header className="page-header spread">
        <div>
          <h1>{t("gradebook")}</h1>
          <p>{t("gradebookLead")}</p>
        </div>
        <a className="btn btn-secondary" href={`/courses/${course.slug}/gradebook/csv`} download>
          {t("downloadCsv")}
        </a>
      </header>
      {g.rows.length === 0 ? (
        <EmptyState title={t("gradebookEmpty")} />
      ) : (
        <div className="table-wrap" role="region" aria-label={t("gradebook")} tabIndex={0}>
          <table>
            <caption className="visually-hidden">{t("gradebookLead")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("student")}</th>
                {g.assignments.map((a) => (
                  <th scope="col" key={a.id} title={a.title}>
                    {a.exerciseSlug}
                  </th>
                ))}
                <th scope="col">{t("total")}</th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => (
                <tr key={r.userId}>
                  <th scope="row">
                    {r.name}
                    <div className="small muted" style={{ fontWeight: 400 }}>
                      {r.email}
                    </div>
                  </th>
                  {r.scores.map((s, i) => (
                    <td key={g.assignments[i]?.id ?? i}>{s === null ? <span className="muted">—</span> : formatScore(s)}</td>
                  ))}
                  <td>
                    <strong>{formatScore(r.total)}</strong> <span className="small muted">/ {formatScore(maxTotal)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
