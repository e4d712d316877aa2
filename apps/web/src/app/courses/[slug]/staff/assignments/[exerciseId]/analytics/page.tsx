// Per-assignment analytics for staff: submissions per day, pass rate per test, the most common
// failure messages and the distribution of counting scores. Each chart (uPlot) is hidden from
// assistive technology and followed by a table with the same numbers.
import "../../../assess.css";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { assignmentAnalytics, findStaffAssignment } from "@course/db";
import { BarChart } from "../../../../../../../components/assess/BarChart.tsx";
import { Breadcrumbs } from "../../../../../../../components/courses/Breadcrumbs.tsx";
import { staffPage } from "../../../../../../../lib/courses/assess-access.ts";
import { exerciseTitle, staffHref } from "../../../../../../../lib/courses/assess-view.ts";
import { getDb } from "../../../../../../../lib/db.ts";
import { formatScore } from "../../../../../../../lib/format.ts";
import { assessMessages } from "../../../../../../../lib/i18n/messages/assess.ts";
import { getLocale } from "../../../../../../../lib/i18n/server.ts";
import { translator } from "../../../../../../../lib/i18n/index.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; exerciseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(assessMessages, await getLocale())("analytics") };
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** A chart with its title and summary, and its data table (caption = the chart's title). */
function ChartSection({ id, title, summary, chart, table }: { id: string; title: string; summary: string; chart: ReactNode; table: ReactNode }) {
  return (
    <section className="assess-section" aria-labelledby={`${id}-h`} data-testid={`analytics-${id}`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <p>{summary}</p>
      <figure>
        {chart}
        <figcaption className="visually-hidden">{summary}</figcaption>
      </figure>
      {table}
    </section>
  );
}

function DataTable({ caption, columns, rows, numeric }: { caption: string; columns: string[]; rows: (string | number)[][]; numeric: boolean[] }) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="assess-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={numeric[i] ? "assess-num" : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((v, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {v}
                  </th>
                ) : (
                  <td key={j} className={numeric[j] ? "assess-num" : undefined}>
                    {v}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function AnalyticsPage({ params }: Props) {
  const { slug, exerciseId } = await params;
  const { course } = await staffPage(slug, staffHref(slug, "assignments", exerciseId, "analytics"), "read");
  const locale = await getLocale();
  const t = translator(assessMessages, locale);
  const db = getDb();
  const a = await findStaffAssignment(db, course.id, exerciseId);
  if (!a) notFound();
  const data = (await assignmentAnalytics(db, a.id))!;
  const title = exerciseTitle(a.exercise, locale);
  const bandLabel = (b: { from: number; to: number }) => `${formatScore(b.from)}–${formatScore(b.to)}`;

  return (
    <div className="container assess-page">
      <Breadcrumbs
        label={t("breadcrumbs")}
        items={[
          { href: "/my", label: t("myCourses") },
          { href: `/courses/${course.slug}`, label: course.title },
          { href: staffHref(course.slug, "assignments"), label: t("staffAssignments") },
          { href: staffHref(course.slug, "assignments", a.exercise.slug), label: title },
          { label: t("analytics") },
        ]}
      />
      <header className="page-header">
        <h1>{t("analyticsTitle", { title })}</h1>
        <p data-testid="analytics-lead">{t("analyticsLead", { submissions: data.submissions, students: data.students })}</p>
      </header>
      {data.submissions === 0 ? (
        <p data-testid="analytics-empty">{t("analyticsEmpty")}</p>
      ) : (
        <>
          <ChartSection
            id="over-time"
            title={t("overTime")}
            summary={t("overTimeSummary", { total: data.submissions, days: data.perDay.length, max: Math.max(...data.perDay.map((d) => d.count)) })}
            chart={<BarChart labels={data.perDay.map((d) => d.day.slice(5))} values={data.perDay.map((d) => d.count)} seriesLabel={t("count")} />}
            table={<DataTable caption={t("dataTable", { title: t("overTime") })} columns={[t("day"), t("count")]} rows={data.perDay.map((d) => [d.day, d.count])} numeric={[false, true]} />}
          />
          <ChartSection
            id="tests"
            title={t("passRate")}
            summary={t("passRateSummary")}
            chart={<BarChart labels={data.tests.map((x) => x.name)} values={data.tests.map((x) => Math.round(x.rate * 100))} seriesLabel={t("rate")} yMax={100} color="#15803d" />}
            table={
              <DataTable
                caption={t("dataTable", { title: t("passRate") })}
                columns={[t("test"), t("passed"), t("runs"), t("rate")]}
                rows={data.tests.map((x) => [x.name, x.passed, x.runs, percent(x.rate)])}
                numeric={[false, true, true, true]}
              />
            }
          />
          <section className="assess-section" aria-labelledby="failures-h" data-testid="analytics-failures">
            <h2 id="failures-h">{t("failures")}</h2>
            <p>{t("failuresLead")}</p>
            {data.failures.length === 0 ? (
              <p>{t("noFailures")}</p>
            ) : (
              <DataTable caption={t("failures")} columns={[t("message"), t("example"), t("count")]} rows={data.failures.map((f) => [f.pattern, f.example, f.count])} numeric={[false, false, true]} />
            )}
          </section>
          <ChartSection
            id="scores"
            title={t("scoreDistribution")}
            summary={t("scoreSummary", { students: data.scores.reduce((n, b) => n + b.count, 0), points: formatScore(a.points) })}
            chart={<BarChart labels={data.scores.map(bandLabel)} values={data.scores.map((b) => b.count)} seriesLabel={t("students")} color="#7c3aed" />}
            table={<DataTable caption={t("dataTable", { title: t("scoreDistribution") })} columns={[t("band"), t("students")]} rows={data.scores.map((b) => [bandLabel(b), b.count])} numeric={[false, true]} />}
          />
        </>
      )}
    </div>
  );
}
