import type { TestFeedback } from "../../lib/exercise/schemas.ts";
import { format } from "../../lib/i18n/translate.ts";
import type { ExerciseMessages } from "../../lib/i18n/messages/exercise.ts";

/** Per-test feedback: name, points, passed/failed and the message (public run or grading). */
export function TestList({ tests, m, testId }: { tests: TestFeedback[]; m: ExerciseMessages; testId: string }) {
  if (tests.length === 0) return <p className="exercise-muted">{m.noTests}</p>;
  return (
    <ul className="exercise-tests" data-testid={testId}>
      {tests.map((t, i) => (
        <li key={`${i}-${t.name}`} className={t.passed ? "exercise-test exercise-test--pass" : "exercise-test exercise-test--fail"} data-passed={t.passed ? "true" : "false"}>
          <span className="exercise-test__mark" aria-hidden="true">
            {t.passed ? "✓" : "✗"}
          </span>
          <span className="exercise-test__name">{t.name}</span>
          <span className="exercise-test__status">{t.passed ? m.testPassed : m.testFailed}</span>
          <span className="exercise-test__points">{format(m.testPoints, { points: round(t.points), max: round(t.maxPoints) })}</span>
          {t.message && <pre className="exercise-test__message">{t.message}</pre>}
        </li>
      ))}
    </ul>
  );
}

export function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}
