// Submission history: every attempt (newest first) with status, score, time, feedback, its code
// and a line diff against the attempt before it.
import { Link } from "../../../../../../components/ui/Link.tsx";
import { notFound } from "next/navigation";
import { CodeBlock, DiffView } from "../../../../../../components/exercise/diff-view.tsx";
import { SubmissionResult } from "../../../../../../components/exercise/submission-result.tsx";
import { requireUser } from "../../../../../../lib/auth.ts";
import { getDb } from "../../../../../../lib/db.ts";
import { loadHistoryData } from "../../../../../../lib/exercise/page-data.ts";
import { exerciseMessages } from "../../../../../../lib/i18n/messages/exercise.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { format } from "../../../../../../lib/i18n/translate.ts";
import "../../../../../../components/exercise/exercise.css";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string; exerciseId: string }>;
}

function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }).format(new Date(iso)) + " UTC";
}

export default async function HistoryPage({ params }: Props) {
  const { slug, exerciseId } = await params;
  const exerciseHref = `/courses/${encodeURIComponent(slug)}/assignments/${encodeURIComponent(exerciseId)}`;
  const user = await requireUser(`${exerciseHref}/history`);
  const locale = await getLocale();
  const m = exerciseMessages[locale];
  const data = await loadHistoryData(getDb(), slug, exerciseId, user.id);
  if (!data) notFound();
  const title = locale === "zh-CN" ? (data.exercise.titleZh ?? data.exercise.title) : data.exercise.title;
  const subs = data.submissions;

  return (
    <div className="container exercise-page">
      <nav aria-label="Breadcrumb" className="small">
        <Link href={exerciseHref}>← {m.backToExercise}</Link>
      </nav>
      <h1>{format(m.historyTitle, { title })}</h1>
      {subs.length === 0 ? (
        <p className="card" data-testid="history-empty">
          {m.noSubmissions}
        </p>
      ) : (
        <ol className="exercise-history" data-testid="history">
          {subs.map((s, i) => {
            const previous = subs[i + 1];
            return (
              <li key={s.id} id={`attempt-${s.attemptNumber}`} className="exercise-panel" data-testid="history-item" data-attempt={s.attemptNumber}>
                <h2 className="exercise-h3">
                  {format(m.attempt, { n: s.attemptNumber })}{" "}
                  <span className="exercise-muted">· {format(m.submittedAt, { date: formatDate(s.createdAt, locale) })}</span>
                </h2>
                <SubmissionResult s={s} m={m} />
                <details open={i === 0}>
                  <summary>{previous ? format(m.diffPrev, { n: previous.attemptNumber }) : m.diffFirst}</summary>
                  {previous ? (
                    <DiffView before={previous.code} after={s.code} m={m} label={format(m.diffPrev, { n: previous.attemptNumber })} />
                  ) : (
                    <CodeBlock code={s.code} />
                  )}
                </details>
                {previous && (
                  <details>
                    <summary>{m.showCode}</summary>
                    <CodeBlock code={s.code} />
                  </details>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
