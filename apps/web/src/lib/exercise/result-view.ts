/** How a graded result is laid out for the student (pure, shared by the result components). */
import type { SubmissionView } from "./schemas.ts";

/**
 * A message every failing test shares (a compile, load or limit error repeated on each): said once
 * above the list instead; null when the failing tests say different things.
 */
export function sharedFailure(s: SubmissionView): string | null {
  const failing = s.tests.filter((t) => !t.passed);
  if (failing.length < 2) return null;
  const first = failing[0]!.message;
  return first !== null && failing.every((t) => t.message === first) ? first : null;
}
