// The instructor's gradebook: every student's best score on every assignment. Columns are headed
// with the exercises' titles in the viewer's language, numbered and grouped by lesson; the student
// column stays in place while the table scrolls sideways; the footer gives per-assignment counts
// and averages, the last column per-student totals. The same data downloads as CSV.
import "./gradebook.css";
import { forbidden, notFound } from "next/navigation";
import { courseDiagnosisCounts } from "@course/db";
import { StaffNav } from "../../../../components/courses/StaffNav.tsx";
import { DiagnosisSummary } from "../../../../components/courses/DiagnosisSummary.tsx";
import { EmptyState } from "../../../../components/ui/index.ts";
import { requireUser } from "../../../../lib/auth.ts";
import { gradebookView, type GradebookGroup } from "../../../../lib/courses/gradebook-view.ts";
import { gradebook } from "../../../../lib/courses/queries.ts";
import { staffAccess } from "../../../../lib/courses/staff.ts";
import { getDb } from "../../../../lib/db.ts";
import { formatScore } from "../../../../lib/format.ts";
import { courseMessages } from "../../../../lib/i18n/messages/courses.ts";
import { getLocale } from "../../../../lib/i18n/server.ts";
import { translator, type Translate } from "../../../../lib/i18n/index.ts";
import { titleFrom } from "../../../../lib/i18n/metadata.ts";

export const generateMetadata = titleFrom({ courses: "gradebook" });

type T = Translate<keyof (typeof courseMessages)["en"]>;

export default async function GradebookPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await requireUser(`/courses/${slug}/gradebook`);
  const locale = await getLocale();
  const db = getDb();
  const access = await staffAccess(db, slug, user.id, locale);
  if (access.kind === "no_course") notFound();
  if (access.kind === "forbidden") forbidden();
  const { course, role } = access;
  const t = translator(courseMessages, locale);
  const [book, diagnosed] = await Promise.all([gradebook(db, course.id, locale), courseDiagnosisCounts(db, course.id)]);
  const view = gradebookView(book);
  const students = view.rows.length;
  const diagnosisAssignments = view.columns.flatMap((col) => {
    const d = diagnosed.get(col.id);
    return d === undefined || d.counts.length === 0 ? [] : [{ id: col.id, label: col.label, title: col.title, ...d }];
  });

  return (
    <div className="container gradebook-page">
      <StaffNav slug={course.slug} role={role} active="gradebook" locale={locale} />
      <header className="page-header spread">
        <div>
          <h1>{t("gradebook")}</h1>
          <p>{t("gradebookLead")}</p>
        </div>
        <a className="btn btn-secondary" href={`/courses/${course.slug}/gradebook/csv`} download>
          {t("downloadCsv")}
        </a>
      </header>
      {students === 0 ? (
        <EmptyState title={t("gradebookEmpty")}>{t("gradebookEmptyBody")}</EmptyState>
      ) : (
        <>
          <p className="small muted gradebook-hint" id="gradebook-legend" data-testid="gradebook-legend">
            {t("gradebookCaption", {
              students: students === 1 ? t("gradebookStudentsOne") : t("gradebookStudentsMany", { n: students }),
              assignments: view.columns.length === 1 ? t("gradebookAssignmentsOne") : t("gradebookAssignmentsMany", { n: view.columns.length }),
            })}{" "}
            {t("gradebookScroll")}
          </p>
          <div className="table-wrap gradebook-wrap" role="region" aria-labelledby="gradebook-caption" tabIndex={0}>
            <table className="gradebook" data-testid="gradebook" aria-describedby="gradebook-legend">
              <caption id="gradebook-caption" className="visually-hidden">
                {t("gradebook")}: {course.title}
              </caption>
              <colgroup>
                <col className="gradebook-student-col" />
              </colgroup>
              {view.groups.map((g) => (
                <colgroup key={g.columns[0]!.id} span={g.columns.length} />
              ))}
              <colgroup>
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2} className="gradebook-sticky">
                    {t("student")}
                  </th>
                  {view.groups.map((g) => (
                    <th key={g.columns[0]!.id} scope="colgroup" colSpan={g.columns.length} className="gradebook-lesson" data-testid="gradebook-lesson">
                      <GroupHead g={g} t={t} />
                    </th>
                  ))}
                  <th scope="col" rowSpan={2} className="gradebook-num">
                    {t("total")}
                  </th>
                </tr>
                <tr>
                  {view.columns.map((col) => (
                    <th
                      key={col.id}
                      scope="col"
                      className="gradebook-exercise"
                      data-exercise={col.exerciseSlug}
                      title={t("gradebookColumnTitle", { label: col.label, title: col.title, points: formatScore(col.points) })}
                    >
                      <span className="gradebook-label">{col.label}</span> <span className="gradebook-title">{col.title}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {view.rows.map((r) => (
                  <tr key={r.userId} data-student={r.email}>
                    <th scope="row" className="gradebook-sticky">
                      {r.name}
                      <div className="small muted gradebook-email">
                        <Email address={r.email} />
                      </div>
                    </th>
                    {r.scores.map((s, i) => (
                      <td key={view.columns[i]?.id ?? i} className="gradebook-num">
                        <Score value={s} t={t} />
                      </td>
                    ))}
                    <td className="gradebook-num gradebook-total" data-testid="student-total">
                      <strong>{formatScore(r.total)}</strong> <span className="small muted">{t("gradebookOutOf", { max: formatScore(view.maxTotal) })}</span>
                      {r.percent !== null ? <div className="small muted">{t("gradebookPercent", { percent: r.percent })}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-testid="gradebook-submitted">
                  <th scope="row" className="gradebook-sticky">
                    {t("gradebookSubmitted")}
                  </th>
                  {view.columns.map((col) => (
                    <td key={col.id} className="gradebook-num">
                      {t("gradebookCount", { n: col.submitted, total: students })}
                    </td>
                  ))}
                  <td className="gradebook-num">{t("gradebookCount", { n: view.studentsSubmitted, total: students })}</td>
                </tr>
                <tr data-testid="gradebook-average">
                  <th scope="row" className="gradebook-sticky">
                    {t("gradebookAverage")}
                  </th>
                  {view.columns.map((col) => (
                    <td key={col.id} className="gradebook-num">
                      <Score value={col.average} t={t} />
                    </td>
                  ))}
                  <td className="gradebook-num gradebook-total">
                    <Score value={view.averageTotal} t={t} />
                    {view.averageTotal !== null ? <span className="small muted"> {t("gradebookOutOf", { max: formatScore(view.maxTotal) })}</span> : null}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          <DiagnosisSummary assignments={diagnosisAssignments} t={t} locale={locale} />
        </>
      )}
    </div>
  );
}

function GroupHead({ g, t }: { g: GradebookGroup; t: T }) {
  if (!g.lesson) return <>{t("gradebookOtherGroup")}</>;
  return (
    <>
      <span className="gradebook-lesson-n">{t("lessonN", { n: g.lesson.position })}</span>{" "}
      <span className="gradebook-lesson-title" title={g.lesson.title}>
        {g.lesson.title}
      </span>
    </>
  );
}

function Score({ value, t }: { value: number | null; t: T }) {
  if (value === null) {
    return (
      <>
        <span className="muted" aria-hidden="true">
          —
        </span>
        <span className="visually-hidden">{t("gradebookNoScore")}</span>
      </>
    );
  }
  return <>{formatScore(value)}</>;
}

/** An address that wraps after its "@" rather than mid-word in a narrow column. */
function Email({ address }: { address: string }) {
  const at = address.indexOf("@");
  if (at < 0) return <>{address}</>;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}
