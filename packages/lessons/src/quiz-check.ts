// Checking a self-check answer, apart from the zod schemas so the page can do it without zod.
import type { Quiz, QuizAnswer } from "./quiz.ts";

/** True when `answer` answers the quiz correctly. */
export function isCorrect(quiz: Quiz, answer: QuizAnswer): boolean {
  if (quiz.kind === "choice") return answer === quiz.correct;
  // A little float slack so that 0.1 + 0.2 style round-off never fails an exact answer.
  return Math.abs(answer - quiz.answer) <= quiz.tolerance + 1e-9 * Math.max(1, Math.abs(quiz.answer));
}
