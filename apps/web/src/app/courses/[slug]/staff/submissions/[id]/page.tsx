// The staff submission viewer: a student's code, per-test results with feedback, the seed, the
// exercise version and the timing, grades it had before regrades, and a diff against another of
// the student's attempts (chosen with a plain GET form: ?compare=<id>). Instructors and TAs of the
// submission's course only; anyone else gets 403 (or 404 for a submission of another course).
import "../../assess.css";
import "../../../../../../components/exercise/exercise.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DomainError, getStaffSubmission } from "@course/db";
import { Breadcrumbs } from "../../../../../../components/courses/Breadcrumbs.tsx";
import { CodeBlock, DiffView } from "../../../../../../components/exercise/diff-view.tsx";
import { SubmissionResult } from "../../../../../../components/exercise/submission-result.tsx";
import { Button } from "../../../../../../components/ui/index.ts";
import { staffPage } from "../../../../../../lib/courses/assess-access.ts";
import { dateOrDash, exerciseTitle, staffHref } from "../../../../../../lib/courses/assess-view.ts";
import { getDb } from "../../../../../../lib/db.ts";
import { feedbackLocalizer } from "../../../../../../lib/exercise/exercise-source.ts";
import { toSubmissionView } from "../../../../../../lib/exercise/submission-view.ts";
import { formatScore } from "../../../../../../lib/format.ts";
import { assessMessages } from "../../../../../../lib/i18n/messages/assess.ts";
import { exerciseMessages } from "../../../../../../lib/i18n/messages/exercise.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { translator } from "../../../../../../lib/i18n/index.ts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ compare?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(assessMessages, await getLocale())("code") };
}

function timingsOf(json: string | null): { queueMs?: number; testsMs?: number; totalMs?: number } | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as { queueMs?: number; testsMs?: number; totalMs?: number };
  } catch {
    return null;
  }
}

export default async function StaffSubmissionPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const { compare } = await searchParams;
  const { course } = await staffPage(slug, staffHref(slug, "submissions", id), "read");
  const locale = await getLocale();
  const t = translator(assessMessages, locale);
  const m = exerciseMessages[locale];
  const db = getDb();
  const found = await getStaffSubmission(db, course.id, id).catch((e: unknown) => {
    if (e instanceof DomainError) return null;
    throw e;
  });
  if (!found) notFound();
  const { submission: s, attempts, countingId } = found;
  const title = exerciseTitle(s.assignment.exercise, locale);
  const view = toSubmissionView(s, s.assignment, await feedbackLocalizer(s.assignment.exercise.slug, locale));
  const job = s.gradingJob;
  const timings = timingsOf(job?.timings ?? null);
  const others = attempts.filter((a) => a.id !== s.id);
  const requested = typeof compare === "string" ? others.find((a) => a.id === compare) : undefined;
  const base = requested ?? [...others].reverse().find((a) => a.attemptNumber < s.attemptNumber) ?? others[0];
  const policy = s.assignment.scoringPolicy === "last" ? t("policyLast") : t("policyBest");
  const here = staffHref(course.slug, "submissions", s.id);

  return (
    <div className="container assess-page">
      <Breadcrumbs
        label={t("breadcrumbs")}
        items={[{ href: "/my", label: t("myCourses") }, { href: `/courses/${course.slug}`, label: course.title }, { href: `/courses/${course.slug}/gradebook`, label: t("gradebook") }, { label: title }]}
      />
      <header className="page-header">
        <h1>{t("submissionTitle", { name: s.user.name, n: s.attemptNumber })}</h1>
        <p>
          {title} · {s.user.email} · {t("submittedAt", { date: dateOrDash(s.createdAt, locale) })}
          {s.isLate ? <span className="assess-flag">{t("late")}</span> : null}{" "}
          <strong data-testid="counting-state">{countingId === s.id ? t("counts") : t("doesNotCount", { policy })}</strong>
        </p>
      </header>

      <nav aria-label={t("attempts")} className="assess-links" data-testid="attempt-links">
        {attempts.map((a) =>
          a.id === s.id ? (
            <span key={a.id} aria-current="page">
              <strong>{t("attemptOption", { n: a.attemptNumber })}</strong>
            </span>
          ) : (
            <a key={a.id} href={staffHref(course.slug, "submissions", a.id)}>
              {t("attemptOption", { n: a.attemptNumber })}
            </a>
          ),
        )}
      </nav>

      <section aria-labelledby="details-h">
        <h2 id="details-h">{t("details")}</h2>
        <dl className="assess-dl" data-testid="submission-details">
          <dt>{t("gradedVersion")}</dt>
          <dd data-testid="detail-version">{t("versionN", { n: s.exerciseVersion.version })}</dd>
          <dt>{t("seed")}</dt>
          <dd data-testid="detail-seed">{job?.seed ?? t("none")}</dd>
          <dt>{t("timing")}</dt>
          <dd>{timings ? t("timingValue", { queue: Math.round(timings.queueMs ?? 0), tests: Math.round(timings.testsMs ?? 0), total: Math.round(timings.totalMs ?? 0) }) : t("none")}</dd>
          <dt>{t("score")}</dt>
          <dd data-testid="detail-score">{s.score === null ? t("none") : `${formatScore(s.score)} / ${formatScore(s.assignment.points)}`}</dd>
          {job?.status === "failed" && job.error ? (
            <>
              <dt>{t("jobError")}</dt>
              <dd>{job.error}</dd>
            </>
          ) : null}
        </dl>
        <SubmissionResult s={view} m={m} />
      </section>

      <section className="assess-section" aria-labelledby="code-h">
        <h2 id="code-h">{t("code")}</h2>
        <div className="assess-code">
          <CodeBlock code={s.code} />
        </div>
      </section>

      <section className="assess-section" aria-labelledby="compare-h">
        <h2 id="compare-h">{t("compare")}</h2>
        {base ? (
          <>
            <form method="get" action={here} className="form assess-form" data-testid="compare-form">
              <div className="field">
                <label htmlFor="compare">{t("compareWith")}</label>
                <select id="compare" name="compare" className="input" defaultValue={base.id}>
                  {others.map((a) => (
                    <option key={a.id} value={a.id}>
                      {t("attemptOption", { n: a.attemptNumber })}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <Button type="submit" variant="secondary">
                  {t("compareButton")}
                </Button>
              </div>
            </form>
            <DiffView before={base.code} after={s.code} m={m} label={t("diffLabel", { from: base.attemptNumber, to: s.attemptNumber })} />
          </>
        ) : (
          <p>{t("onlyAttempt")}</p>
        )}
      </section>

      <section className="assess-section" aria-labelledby="history-h">
        <h2 id="history-h">{t("history")}</h2>
        {s.gradeHistory.length === 0 ? (
          <p data-testid="no-grade-history">{t("noHistory")}</p>
        ) : (
          <>
            <p>{t("historyLead")}</p>
            <div className="table-wrap" role="region" aria-labelledby="history-h" tabIndex={0}>
              <table className="assess-table" data-testid="grade-history">
                <thead>
                  <tr>
                    <th scope="col">{t("gradedAt")}</th>
                    <th scope="col">{t("gradedVersion")}</th>
                    <th scope="col">{t("outcome")}</th>
                    <th scope="col" className="assess-num">
                      {t("score")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.gradeHistory.map((h) => (
                    <tr key={h.id}>
                      <th scope="row">{dateOrDash(h.gradedAt, locale)}</th>
                      <td>{t("versionN", { n: h.exerciseVersion.version })}</td>
                      <td>{h.outcome ?? t("none")}</td>
                      <td className="assess-num">{h.score === null ? t("none") : `${formatScore(h.score)} / ${formatScore(h.maxScore ?? s.assignment.points)}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
