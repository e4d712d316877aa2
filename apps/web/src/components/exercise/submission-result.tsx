"use client";
import { useEffect, useRef } from "react";
import { sharedFailure } from "../../lib/exercise/result-view.ts";
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

/** What the failing tests' outputs have in common with known mistakes; announced when it arrives. */
function Diagnoses({ s, m }: { s: SubmissionView; m: ExerciseMessages }) {
  if (s.status !== "graded" || (s.diagnoses === undefined && s.diagnosisPending !== true)) return null;
  return (
    <section className="exercise-diagnoses" aria-labelledby={`diagnoses-${s.id}`} data-testid="diagnoses" aria-live="polite" aria-busy={s.diagnosisPending === true}>
      <h4 className="exercise-h4" id={`diagnoses-${s.id}`}>
        {m.diagnoses}
      </h4>
      {s.diagnosisPending === true && <p className="exercise-muted">{m.diagnosisPending}</p>}
      {s.diagnoses !== undefined && s.diagnoses.length > 0 && (
        <ul className="exercise-diagnoses__list">
          {s.diagnoses.map((d) => (
            <li key={d.key} className="exercise-diagnosis" data-key={d.key}>
              <p className="exercise-diagnosis__message">{d.message}</p>
              <p className="exercise-muted exercise-diagnosis__tests">{format(m.diagnosisTests, { tests: d.tests.join(", ") })}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A submission's state, score (late penalty shown), diagnoses and per-test feedback. With
 * `announce` (the result of a submission just made), the result is scrolled into view and its
 * heading focused once it is graded, so a screen reader reads it and nobody has to look for it.
 */
export function SubmissionResult({ s, m, announce = false }: { s: SubmissionView; m: ExerciseMessages; announce?: boolean }) {
  const outcome = outcomeText(m, s.outcome);
  const heading = useRef<HTMLParagraphElement>(null);
  const announced = useRef<string | null>(null);
  const final = s.status === "graded" || s.status === "failed";
  useEffect(() => {
    if (!announce || !final || announced.current === s.id || heading.current === null) return;
    announced.current = s.id;
    const reduce = typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    heading.current.scrollIntoView({ behavior: reduce ? "auto" : "smooth", block: "start" });
    heading.current.focus({ preventScroll: true });
  }, [announce, final, s.id]);
  const shared = s.status === "graded" ? sharedFailure(s) : null;
  // Said once at the top: the submission-level error, or the message every failing test shares.
  const top = s.error ?? shared;
  const tests = top === null ? s.tests : s.tests.map((t) => (!t.passed && t.message === top ? { ...t, message: null } : t));
  return (
    <div className="exercise-result" data-testid="submission-result" data-status={s.status} data-submission-id={s.id}>
      <p className="exercise-result__status" ref={heading} tabIndex={-1}>
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
      {top !== null && (
        <pre className="exercise-result__error" role="alert" data-testid="result-error">
          {s.error ?? format(m.sameForAll, { message: top })}
        </pre>
      )}
      <Diagnoses s={s} m={m} />
      {s.status === "graded" && (
        <section aria-label={m.feedback}>
          <h4 className="exercise-h4">{m.feedback}</h4>
          <TestList tests={tests} m={m} testId="graded-tests" />
        </section>
      )}
    </div>
  );
}
