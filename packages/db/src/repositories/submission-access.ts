import type { Db } from "../client.ts";
import { DomainError } from "../errors.ts";

/** Course roles that may follow any student's submission in their course. */
const STAFF_ROLES = ["instructor", "ta"];

function viewableBy(submissionId: string, userId: string) {
  return {
    id: submissionId,
    OR: [{ userId }, { assignment: { course: { enrollments: { some: { userId, role: { in: STAFF_ROLES } } } } } }],
  };
}

/** Whether `userId` owns the submission or is staff of its course (one small query). */
export async function canViewSubmission(db: Db, submissionId: string, userId: string): Promise<boolean> {
  return (await db.submission.findFirst({ where: viewableBy(submissionId, userId), select: { id: true } })) !== null;
}

/**
 * A submission with its grading state, results and what its score view needs, if `userId` owns
 * it or is staff (instructor or TA) of its course; otherwise "not found" (no hint that it exists).
 */
export async function getViewableSubmission(db: Db, submissionId: string, userId: string) {
  const submission = await db.submission.findFirst({
    where: viewableBy(submissionId, userId),
    include: {
      gradingJob: { include: { testResults: { orderBy: { position: "asc" } } } },
      assignment: { select: { points: true, latePenalty: true, exercise: { select: { slug: true } } } },
      exerciseVersion: { select: { version: true } },
    },
  });
  if (!submission) throw new DomainError("not_found", "No such submission.");
  return submission;
}
