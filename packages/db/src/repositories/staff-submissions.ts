// What staff read about students' submissions: the viewer of one submission (code, results,
// version, timing, history, the student's other attempts) and the gradebook's cells.
import type { Db } from "../client.ts";
import { DomainError } from "../errors.ts";
import { chargedAttempts } from "./attempts.ts";
import { countingAttempt, type ScoringPolicy } from "./grading-policy.ts";

/**
 * One submission of a course for its staff (the caller has checked the viewer is staff of
 * `courseId`); "not found" when the submission belongs to another course.
 */
export async function getStaffSubmission(db: Db, courseId: string, submissionId: string) {
  const submission = await db.submission.findFirst({
    where: { id: submissionId, assignment: { courseId } },
    include: {
      user: { select: { id: true, name: true, email: true } },
      exerciseVersion: { select: { id: true, version: true } },
      gradingJob: { include: { testResults: { orderBy: { position: "asc" } } } },
      gradeHistory: { orderBy: { createdAt: "desc" }, include: { exerciseVersion: { select: { version: true } } } },
      assignment: {
        select: {
          id: true,
          points: true,
          latePenalty: true,
          scoringPolicy: true,
          exercise: { select: { slug: true, title: true, titleZh: true } },
        },
      },
    },
  });
  if (!submission) throw new DomainError("not_found", "No such submission.");
  const attempts = await db.submission.findMany({
    where: { userId: submission.userId, assignmentId: submission.assignmentId },
    orderBy: { attemptNumber: "asc" },
    select: { id: true, attemptNumber: true, code: true, createdAt: true, score: true, isLate: true, gradingJob: { select: { status: true } } },
  });
  const counting = countingAttempt(attempts, policyOf(submission.assignment.scoringPolicy));
  return { submission, attempts, countingId: counting?.id ?? null };
}

export function policyOf(value: string): ScoringPolicy {
  return value === "last" ? "last" : "best";
}

/** One student's standing on one assignment, as the gradebook shows it. */
export interface GradebookCell {
  /** The submission that counts under the assignment's policy (null: nothing graded yet). */
  countingId: string | null;
  score: number | null;
  isLate: boolean;
  /** Attempts charged against the limit (duplicates are never stored; infrastructure failures are free). */
  attempts: number;
  /** Stored submissions, charged or not. */
  submissions: number;
  /** Some attempt is being graded or regraded right now. */
  pending: boolean;
}

/** Every student × assignment cell of a course's gradebook, keyed `${userId}\u0000${assignmentId}`. */
export async function gradebookCells(db: Db, courseId: string): Promise<Map<string, GradebookCell>> {
  const [assignments, rows] = await Promise.all([
    db.assignment.findMany({ where: { courseId }, select: { id: true, scoringPolicy: true } }),
    db.submission.findMany({
      where: { assignment: { courseId } },
      select: { id: true, userId: true, assignmentId: true, attemptNumber: true, score: true, isLate: true, gradingJob: { select: { status: true } } },
    }),
  ]);
  const policy = new Map(assignments.map((a) => [a.id, policyOf(a.scoringPolicy)]));
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.userId}\u0000${r.assignmentId}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const cells = new Map<string, GradebookCell>();
  for (const [key, list] of groups) {
    const assignmentId = list[0]!.assignmentId;
    const pick = countingAttempt(list, policy.get(assignmentId) ?? "best");
    const statuses = list.map((s) => ({ jobStatus: s.gradingJob?.status ?? null }));
    cells.set(key, {
      countingId: pick?.id ?? null,
      score: pick?.score ?? null,
      isLate: pick?.isLate ?? false,
      attempts: chargedAttempts(statuses),
      submissions: list.length,
      pending: list.some((s) => s.gradingJob?.status === "queued" || s.gradingJob?.status === "running"),
    });
  }
  return cells;
}

/** A course's students by name (for the extension and regrade pickers). */
export async function listCourseStudents(db: Db, courseId: string) {
  const rows = await db.enrollment.findMany({
    where: { courseId, role: "student" },
    orderBy: { user: { name: "asc" } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((r) => r.user);
}
