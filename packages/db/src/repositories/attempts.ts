/**
 * Which attempts are charged. Pure.
 *
 * - An infrastructure failure (its grading job ended "failed": the grader could not grade it) is
 *   never charged: it does not count against the attempt limit.
 * - A submission whose code is the same as one of the student's earlier charged attempts on the
 *   assignment is not stored at all: the student is told which attempt it matches. "The same"
 *   means equal after normaliseCode: line endings unified to "\n", trailing spaces and tabs of each
 *   line removed, and blank lines at the end dropped. Such edits cannot change what JavaScript code
 *   does (outside template literals, which a test would not grade on trailing spaces), while any
 *   other edit, even inside a comment, makes a new attempt.
 */

/** The comparison form of a submission's code (see the module comment). */
export function normaliseCode(code: string): string {
  return code
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n+$/, "");
}

export interface EarlierAttempt {
  id: string;
  attemptNumber: number;
  code: string;
  /** The grading job's status (null when the submission has no job). */
  jobStatus: string | null;
}

/** An attempt is charged unless its grading failed for infrastructure reasons. */
export function isCharged(a: Pick<EarlierAttempt, "jobStatus">): boolean {
  return a.jobStatus !== "failed";
}

export function chargedAttempts(attempts: readonly Pick<EarlierAttempt, "jobStatus">[]): number {
  return attempts.filter(isCharged).length;
}

/**
 * The earliest charged attempt whose code matches `code`, or null. An attempt that failed for
 * infrastructure reasons is not a match: submitting the same code again is how a student retries it.
 */
export function findDuplicateAttempt<A extends EarlierAttempt>(attempts: readonly A[], code: string): A | null {
  const target = normaliseCode(code);
  let match: A | null = null;
  for (const a of attempts) {
    if (!isCharged(a) || normaliseCode(a.code) !== target) continue;
    if (!match || a.attemptNumber < match.attemptNumber) match = a;
  }
  return match;
}
