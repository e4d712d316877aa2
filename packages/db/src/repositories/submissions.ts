import type { Db } from "../client.ts";
import { DomainError, DuplicateSubmissionError } from "../errors.ts";
import { chargedAttempts, findDuplicateAttempt, type EarlierAttempt } from "./attempts.ts";
import { checkAcceptance, effectiveWindow } from "./grading-policy.ts";
import { nextFairTurn } from "./jobs.ts";

/** Largest submission accepted, in UTF-16 code units (a generous bound for one module). */
export const MAX_SUBMISSION_CHARS = 100_000;

export interface EnqueueInput {
  userId: string;
  assignmentId: string;
  code: string;
  now?: Date;
  maxJobAttempts?: number;
  /** Also keep the code as the student's draft of this assignment, in the same transaction (the
   *  exercise page then has no draft save to wait for before submitting). */
  saveAsDraft?: boolean;
}

/**
 * A burst of submissions before a deadline queues for the database pool's connections: wait up to
 * 10 s for one, then the usual 5 s for the transaction itself. Prisma's default wait, 2 s, turned
 * a busy pool into failed submissions in the load bench. Worse, with the pg adapter a transaction
 * that outwaits maxWait can keep its connection open for good (prisma/orm#29719).
 */
const SUBMISSION_TRANSACTION = { maxWait: 10_000, timeout: 5_000 };

const VERSION_REF = { id: true, version: true } as const;

/**
 * Stores a submission against the assignment's pinned exercise version (the newest when none is
 * pinned) and queues its grading job, after checking enrollment, the student's window (their
 * extension included) and the attempts left. Code identical to an earlier charged attempt is not
 * stored (DuplicateSubmissionError names the attempt); see attempts.ts for what is charged. The unique
 * (user, assignment, attempt) key turns a double click into a clear conflict, never two attempts.
 */
export async function enqueueSubmission(db: Db, input: EnqueueInput) {
  const now = input.now ?? new Date();
  if (input.code.length > MAX_SUBMISSION_CHARS) {
    throw new DomainError(
      "too_large",
      `A submission may be at most ${MAX_SUBMISSION_CHARS} characters.`,
    );
  }
  // Every read at once (none needs another's answer): a submission waits for the slowest only.
  const [assignment, enrollment, extension, earlier, fairAt] = await Promise.all([
    db.assignment.findUnique({
      where: { id: input.assignmentId },
      // Only the versions' ids and numbers: a version row also holds its whole bundle.
      include: {
        exercise: { select: { versions: { orderBy: { version: "desc" }, take: 1, select: VERSION_REF } } },
        exerciseVersion: { select: VERSION_REF },
        course: { select: { archivedAt: true } },
      },
    }),
    db.enrollment.findFirst({
      where: { userId: input.userId, course: { assignments: { some: { id: input.assignmentId } } } },
      select: { id: true },
    }),
    db.extension.findUnique({
      where: { assignmentId_userId: { assignmentId: input.assignmentId, userId: input.userId } },
    }),
    earlierAttempts(db, input.userId, input.assignmentId),
    // Read before the transaction, which then holds its connection for the writes only.
    nextFairTurn(db, input.userId, now),
  ]);
  if (!assignment) throw new DomainError("not_found", "No such assignment.");
  // An archived course stays readable to its members, but takes no more work.
  if (assignment.course.archivedAt !== null)
    throw new DomainError("closed", "This course is archived: it no longer accepts submissions.");
  if (!enrollment)
    throw new DomainError("not_enrolled", "Enroll in this course before submitting.");
  // The pinned version when the instructor chose one, else the newest.
  const version = assignment.exerciseVersion ?? assignment.exercise.versions[0];
  if (!version) throw new DomainError("not_found", "This exercise has no published version yet.");

  const acceptance = checkAcceptance(
    effectiveWindow(assignment, extension),
    now,
    chargedAttempts(earlier),
  );
  if (!acceptance.ok && acceptance.code !== "attempts_exhausted")
    throw new DomainError(acceptance.code, acceptance.message);
  // A repeat is answered with its match even when no attempts are left: it would not use one.
  const duplicate = findDuplicateAttempt(earlier, input.code);
  if (duplicate)
    throw new DuplicateSubmissionError({
      submissionId: duplicate.id,
      attemptNumber: duplicate.attemptNumber,
    });
  if (!acceptance.ok) throw new DomainError(acceptance.code, acceptance.message);
  // Attempt numbers keep counting every stored submission (failed ones too), so they stay unique.
  const attemptNumber = earlier.reduce((n, a) => Math.max(n, a.attemptNumber), 0) + 1;

  try {
    return await db.$transaction(async (tx) => {
      // The job is created with the submission: one statement round trip fewer.
      const { gradingJob: job, ...submission } = await tx.submission.create({
        data: {
          userId: input.userId,
          assignmentId: assignment.id,
          exerciseVersionId: version.id,
          attemptNumber,
          code: input.code,
          isLate: acceptance.isLate,
          createdAt: now,
          gradingJob: {
            create: { enqueuedAt: now, runAfter: now, fairAt, maxAttempts: input.maxJobAttempts ?? 3 },
          },
        },
        include: { gradingJob: true },
      });
      if (!job) throw new Error("the grading job was not created with its submission");
      await tx.auditLog.create({
        data: {
          actorId: input.userId,
          action: "submission.create",
          entityType: "Submission",
          entityId: submission.id,
          createdAt: now,
        },
      });
      const draft = input.saveAsDraft
        ? await tx.draft.upsert({
            where: { userId_assignmentId: { userId: input.userId, assignmentId: assignment.id } },
            create: { userId: input.userId, assignmentId: assignment.id, code: input.code, updatedAt: now },
            update: { code: input.code, updatedAt: now },
            select: { updatedAt: true },
          })
        : null;
      // The stored rows as a submission view reads them (no results yet), so callers need not reload.
      const stored = { ...submission, gradingJob: { ...job, testResults: [] }, exerciseVersion: { version: version.version } };
      return { submission, job, stored, draftSavedAt: draft?.updatedAt ?? null };
    }, SUBMISSION_TRANSACTION);
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") {
      throw new DomainError(
        "conflict",
        "Another submission for this assignment was just made; refresh and try again.",
      );
    }
    throw error;
  }
}

/** A submission with its grading state and results, only if `userId` owns it. */
export async function getOwnSubmission(db: Db, submissionId: string, userId: string) {
  const submission = await db.submission.findFirst({
    where: { id: submissionId, userId },
    include: {
      gradingJob: { include: { testResults: { orderBy: { position: "asc" } } } },
      exerciseVersion: { select: { version: true } },
    },
  });
  if (!submission) throw new DomainError("not_found", "No such submission.");
  return submission;
}

/** A student's attempts at one assignment, newest first. */
export function listOwnSubmissions(db: Db, userId: string, assignmentId: string) {
  return db.submission.findMany({
    where: { userId, assignmentId },
    orderBy: { attemptNumber: "desc" },
    include: {
      gradingJob: {
        select: { status: true, outcome: true, score: true, maxScore: true, finishedAt: true },
      },
    },
  });
}

/** The user's most recent submission to an assignment (with its grade), or null. */
export function latestOwnSubmission(db: Db, userId: string, assignmentId: string) {
  return db.submission.findFirst({
    where: { userId, assignmentId },
    orderBy: { attemptNumber: "desc" },
    select: {
      id: true,
      attemptNumber: true,
      code: true,
      createdAt: true,
      score: true,
      maxScore: true,
    },
  });
}

/** A student's earlier attempts with what duplicate detection and charging need. */
async function earlierAttempts(
  db: Db,
  userId: string,
  assignmentId: string,
): Promise<EarlierAttempt[]> {
  const rows = await db.submission.findMany({
    where: { userId, assignmentId },
    select: { id: true, attemptNumber: true, code: true, gradingJob: { select: { status: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    attemptNumber: r.attemptNumber,
    code: r.code,
    jobStatus: r.gradingJob?.status ?? null,
  }));
}
