// The instructor's gradebook: every student's counting score (best or last attempt, by each
// assignment's policy) on every assignment, each linked to the staff submission viewer, with late
// flags and attempt counts; sortable by name, by each assignment and by total (?sort=&dir=). Columns are headed
// with the exercises' titles in the viewer's language, numbered and grouped by lesson; the student
// column stays in place while the table scrolls sideways; the footer gives per-assignment counts
// and averages, the last column per-student totals. The same data downloads as CSV.
import "./gradebook.css";
import "../staff/assess.css";
import { forbidden, notFound } from "next/navigation";
import { courseDiagnosisCounts } from "@course/db";
import { StaffNav } from "../../../../components/courses/StaffNav.tsx";
import { DiagnosisSummary } from "../../../../components/courses/DiagnosisSummary.tsx";
import { EmptyState } from "../../../../components/ui/index.ts";
import { requireUser } from "../../../../lib/auth.ts";
import { gradebookView, parseGradebookSort, sortGradebookRows, type GradebookGroup, type GradebookSort } from "../../../../lib/courses/gradebook-view.ts";
import type { GradebookCell } from "@course/db";
import { staffHref } from "../../../../lib/courses/assess-view.ts";
import { assessMessages, type AssessKey } from "../../../../lib/i18n/messages/assess.ts";
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

type A = Translate<AssessKey>;

export default async function GradebookPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ sort?: string | string[]; dir?: string | string[] }> }) {
  const { slug } = await params;
  const query = await searchParams;
  const user = await requireUser(`/courses/${slug}/gradebook`);
  const locale = await getLocale();
  const db = getDb();
  const access = await staffAccess(db, slug, user.id, locale);
  if (access.kind === "no_course") notFound();
  if (access.kind === "forbidden") forbidden();
  const { course, role } = access;
  const t = translator(courseMessages, locale);
  const a = translator(assessMessages, locale);
  const [book, diagnosed] = await Promise.all([gradebook(db, course.id, locale), courseDiagnosisCounts(db, course.id)]);
  const view = gradebookView(book);
  const sort = parseGradebookSort(query, view.columns);
  const rows = sortGradebookRows(view.rows, view.columns, sort);
  const sortLink = (key: string, label: string) => <SortLink slug={course.slug} sortKey={key} label={label} sort={sort} a={a} />;
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
        <span className="assess-links">
          <a className="btn btn-secondary" href={staffHref(course.slug, "assignments")}>
            {a("manageLink")}
          </a>
          <a className="btn btn-secondary" href={`/courses/${course.slug}/gradebook/csv`} download>
            {t("downloadCsv")}
          </a>
        </span>
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
                  <th scope="col" rowSpan={2} className="gradebook-sticky" aria-sort={ariaSort(sort, "name")}>
                    {sortLink("name", t("student"))}
                  </th>
                  {view.groups.map((g) => (
                    <th key={g.columns[0]!.id} scope="colgroup" colSpan={g.columns.length} className="gradebook-lesson" data-testid="gradebook-lesson">
                      <GroupHead g={g} t={t} />
                    </th>
                  ))}
                  <th scope="col" rowSpan={2} className="gradebook-num" aria-sort={ariaSort(sort, "total")}>
                    {sortLink("total", t("total"))}
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
                      aria-sort={ariaSort(sort, col.id)}
                    >
                      <a href={sortHref(course.slug, col.id, sort)} className="gradebook-sort" aria-label={`${col.label} ${col.title}: ${a("sortBy", { column: col.title })}`}>
                        <span className="gradebook-label">{col.label}</span> <span className="gradebook-title">{col.title}</span>
                      </a>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.userId} data-student={r.email}>
                    <th scope="row" className="gradebook-sticky">
                      {r.name}
                      <div className="small muted gradebook-email">
                        <Email address={r.email} />
                      </div>
                    </th>
                    {r.scores.map((s, i) => (
                      <td key={view.columns[i]?.id ?? i} className="gradebook-num" data-testid="gradebook-cell" data-exercise={view.columns[i]?.exerciseSlug}>
                        <Cell slug={course.slug} cell={r.cells[i] ?? null} value={s} t={t} a={a} label={a("openSubmission", { name: r.name, title: view.columns[i]?.title ?? "" })} />
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
                <tr data-testid="gradebook-policy">
                  <th scope="row" className="gradebook-sticky">
                    {a("scoringPolicy")}
                  </th>
                  {view.columns.map((col) => (
                    <td key={col.id}>{col.scoringPolicy === "last" ? a("policyLast") : a("policyBest")}</td>
                  ))}
                  <td />
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

function sortHref(slug: string, key: string, sort: GradebookSort): string {
  // The active column toggles its direction; another column starts ascending (names) or descending (scores).
  const dir = sort.key === key ? (sort.dir === "asc" ? "desc" : "asc") : key === "name" ? "asc" : "desc";
  return `/courses/${encodeURIComponent(slug)}/gradebook?sort=${encodeURIComponent(key)}&dir=${dir}`;
}

function ariaSort(sort: GradebookSort, key: string): "ascending" | "descending" | undefined {
  return sort.key === key ? (sort.dir === "asc" ? "ascending" : "descending") : undefined;
}

function SortLink({ slug, sortKey, label, sort, a }: { slug: string; sortKey: string; label: string; sort: GradebookSort; a: A }) {
  const state = sort.key === sortKey ? (sort.dir === "asc" ? ` (${a("sortedAsc")})` : ` (${a("sortedDesc")})`) : "";
  return (
    <a href={sortHref(slug, sortKey, sort)} className="gradebook-sort" aria-label={`${a("sortBy", { column: label })}${state}`}>
      {label}
      {sort.key === sortKey ? <span aria-hidden="true">{sort.dir === "asc" ? " ▲" : " ▼"}</span> : null}
    </a>
  );
}

/** One score: linked to the counting submission, with its late flag and the attempts charged. */
function Cell({ slug, cell, value, t, a, label }: { slug: string; cell: GradebookCell | null; value: number | null; t: T; a: A; label: string }) {
  return (
    <>
      {cell?.countingId ? (
        <a href={staffHref(slug, "submissions", cell.countingId)} aria-label={`${label}: ${value === null ? "" : formatScore(value)}`} data-testid="cell-link">
          <Score value={value} t={t} />
        </a>
      ) : (
        <Score value={value} t={t} />
      )}
      {cell?.isLate ? (
        <span className="assess-flag" data-testid="cell-late">
          {a("lateFlag")}
        </span>
      ) : null}
      {cell ? (
        <div className="small muted" title={a("attemptsTitle", { n: cell.attempts })} data-testid="cell-attempts">
          {a("attemptsShort", { n: cell.attempts })}
          {cell.pending ? ` · ${a("regrading")}` : ""}
        </div>
      ) : null}
    </>
  );
}
