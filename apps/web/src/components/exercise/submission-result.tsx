import type { SubmissionView } from "../../lib/exercise/schemas.ts";
import { format } from "../../lib/i18n/translate.ts";
import type { ExerciseMessageKey, ExerciseMessages } from "../../lib/i18n/messages/exercise.ts";
import { TestList, round } from "./test-list.tsx";

export function statusText(m: ExerciseMessages, s: SubmissionView["status"]): string {
  return s === "queued" ? m.statusQueued : s === "running" ? m.statusRunning : s === "graded" ? m.statusGraded : m.statusFailed;
}

export function outcomeText(m: ExerciseMessages, outcome: string | null): string | null {
  if (outcome === null) return null;
  const key = `outcome_${outcome}` as ExerciseMessageKey;
  return key in m ? m[key] : outcome;
}

/** A submission's state, score (late penalty shown) and per-test feedback. */
export function SubmissionResult({ s, m }: { s: SubmissionView; m: ExerciseMessages }) {
  const outcome = outcomeText(m, s.outcome);
  return (
    <div className="exercise-result" data-testid="submission-result" data-status={s.status}>
      <p className="exercise-result__status">
        <span className={`exercise-badge exercise-badge--${s.status}`} data-testid="submission-status">
          {statusText(m, s.status)}
        </span>{" "}
        {format(m.attempt, { n: s.attemptNumber })}
        {s.exerciseVersion !== null && (
          <span className="exercise-result__version" data-testid="submission-version">
            {" "}
            · {format(m.exerciseVersion, { n: s.exerciseVersion })}
          </span>
        )}
        {s.isLate && <span className="exercise-badge exercise-badge--late"> {m.late}</span>}
      </p>
      {s.status === "graded" && (
        <>
          <p className="exercise-result__score" data-testid="submission-score">
            <strong>{format(m.score, { score: round(s.score ?? 0), points: round(s.points) })}</strong>
            {outcome && <> · {outcome}</>}
            {s.rawScore !== null && s.maxRawScore !== null && !s.isLate && <> · {format(m.scoreRaw, { raw: round(s.rawScore), max: round(s.maxRawScore) })}</>}
          </p>
          {s.isLate && s.rawScore !== null && s.maxRawScore !== null && (
            <p className="exercise-result__late" data-testid="late-penalty">
              {format(m.scoreLate, { penalty: round(s.latePenalty * 100), raw: round(s.rawScore), max: round(s.maxRawScore) })}
            </p>
          )}
        </>
      )}
      {s.error && (
        <pre className="exercise-result__error" role="alert">
          {s.error}
        </pre>
      )}
      {s.status === "graded" && (
        <section aria-label={m.feedback}>
          <h4 className="exercise-h4">{m.feedback}</h4>
          <TestList tests={s.tests} m={m} testId="graded-tests" />
        </section>
      )}
    </div>
  );
}
