import { z } from "zod";
import type { Db } from "../client.ts";
import { GradeStatusSchema } from "../enums.ts";
import { finalScore } from "./grading-policy.ts";

/** What a worker needs to grade a claimed job. */
export interface ClaimedJob {
  jobId: string;
  submissionId: string;
  attempt: number;
  exerciseSlug: string;
  exerciseVersionId: string;
  code: string;
  enqueuedAt: Date;
}

/** Longest structured feedback stored for one test or submission (JSON text). */
export const MAX_FEEDBACK_CHARS = 16_000;

/**
 * Structured feedback as exercise-kit builds it (a list of catalogue keys with parameters), kept
 * as JSON text. Only its outline is checked here: readers parse it with exercise-kit's schema and
 * fall back to the English message when they cannot render it.
 */
export const StoredFeedbackSchema = z
  .array(z.looseObject({ key: z.string().min(1).max(100), params: z.record(z.string(), z.unknown()), label: z.string().max(300).optional() }))
  .max(64)
  .transform((v) => JSON.stringify(v))
  .pipe(z.string().max(MAX_FEEDBACK_CHARS));

/** A finished grading as the grader reports it (the `grade` CLI JSON plus timings). */
export const CompletedGradeSchema = z.object({
  status: GradeStatusSchema,
  score: z.number().finite().min(0),
  maxScore: z.number().finite().min(0),
  seed: z.union([z.string(), z.number()]).transform(String),
  tests: z
    .array(
      z.object({
        name: z.string().max(500),
        passed: z.boolean(),
        points: z.number().finite(),
        maxPoints: z.number().finite(),
        message: z.string().max(4000).optional(),
        /** `message` structured (stored as JSON text in TestResult.feedback). */
        feedback: StoredFeedbackSchema.optional(),
      }),
    )
    .max(500),
  timings: z.record(z.string(), z.number().finite()).default({}),
  error: z.string().max(8000).optional(),
  /** `error` structured (stored as JSON text in GradingJob.errorFeedback). */
  errorFeedback: StoredFeedbackSchema.optional(),
});
export type CompletedGrade = z.input<typeof CompletedGradeSchema>;

/**
 * Claims the oldest runnable queued job for `workerId`. The conditional update (status still
 * "queued") makes the claim atomic across workers and processes: exactly one wins a row.
 */
export async function claimNextJob(db: Db, workerId: string, now = new Date()): Promise<ClaimedJob | null> {
  for (let tries = 0; tries < 5; tries++) {
    const candidate = await db.gradingJob.findFirst({ where: runnable(now), orderBy: OLDEST_FIRST, select: { id: true } });
    if (!candidate) return null;
    const claimed = await claimJob(db, candidate.id, workerId, now);
    if (claimed) return claimed;
  }
  return null;
}

/** Queued rows whose back-off has passed, oldest first (the BullMQ dispatcher's input). */
export function listRunnableJobs(db: Db, now = new Date(), take = 500): Promise<{ id: string; attempts: number }[]> {
  return db.gradingJob.findMany({ where: runnable(now), orderBy: OLDEST_FIRST, select: { id: true, attempts: true }, take });
}

function runnable(now: Date) {
  return { status: "queued", runAfter: { lte: now } };
}

const OLDEST_FIRST = [{ enqueuedAt: "asc" as const }, { id: "asc" as const }];

/** Claims one specific job (the scale-out path: BullMQ hands the id, the row records the claim). */
export async function claimJob(db: Db, jobId: string, workerId: string, now = new Date()): Promise<ClaimedJob | null> {
  const won = await db.gradingJob.updateMany({
    where: { id: jobId, status: "queued" },
    data: { status: "running", claimedBy: workerId, claimedAt: now, heartbeatAt: now, startedAt: now, attempts: { increment: 1 } },
  });
  return won.count === 1 ? loadClaimed(db, jobId) : null;
}

/**
 * Hands a job claimed during shutdown straight back to the queue without counting the attempt
 * (nothing was graded). False when the job is no longer this worker's.
 */
export async function unclaimJob(db: Db, jobId: string, workerId: string): Promise<boolean> {
  const r = await db.gradingJob.updateMany({
    where: { id: jobId, status: "running", claimedBy: workerId },
    data: { status: "queued", claimedBy: null, claimedAt: null, heartbeatAt: null, attempts: { decrement: 1 } },
  });
  return r.count === 1;
}

async function loadClaimed(db: Db, jobId: string): Promise<ClaimedJob> {
  const job = await db.gradingJob.findUniqueOrThrow({
    where: { id: jobId },
    include: { submission: { include: { exerciseVersion: { include: { exercise: true } } } } },
  });
  return {
    jobId: job.id,
    submissionId: job.submissionId,
    attempt: job.attempts,
    exerciseSlug: job.submission.exerciseVersion.exercise.slug,
    exerciseVersionId: job.submission.exerciseVersionId,
    code: job.submission.code,
    enqueuedAt: job.enqueuedAt,
  };
}

/** Refreshes the claim; false when the job is no longer this worker's (requeued or finished). */
export async function heartbeat(db: Db, jobId: string, workerId: string, now = new Date()): Promise<boolean> {
  const r = await db.gradingJob.updateMany({
    where: { id: jobId, status: "running", claimedBy: workerId },
    data: { heartbeatAt: now },
  });
  return r.count === 1;
}

/**
 * Stores a grade exactly once: only the worker that still holds the claim can move the job from
 * running to graded, and the test results and the submission's score are written in the same
 * transaction. Returns false (and writes nothing) when the claim was lost.
 */
export async function completeJob(db: Db, jobId: string, workerId: string, grade: CompletedGrade, now = new Date()): Promise<boolean> {
  const g = CompletedGradeSchema.parse(grade);
  return db.$transaction(async (tx) => {
    const job = await tx.gradingJob.findUnique({
      where: { id: jobId },
      include: { submission: { include: { assignment: true } } },
    });
    if (!job) return false;
    const won = await tx.gradingJob.updateMany({
      where: { id: jobId, status: "running", claimedBy: workerId },
      data: {
        status: "graded",
        outcome: g.status,
        score: g.score,
        maxScore: g.maxScore,
        seed: g.seed,
        timings: JSON.stringify({ ...g.timings, queueMs: (job.startedAt ?? now).getTime() - job.enqueuedAt.getTime() }),
        error: g.error ?? null,
        errorFeedback: g.errorFeedback ?? null,
        finishedAt: now,
        heartbeatAt: now,
      },
    });
    if (won.count !== 1) return false;
    await tx.testResult.createMany({
      data: g.tests.map((t, position) => ({
        jobId,
        position,
        name: t.name,
        passed: t.passed,
        points: t.points,
        maxPoints: t.maxPoints,
        message: t.message ?? null,
        feedback: t.feedback ?? null,
      })),
    });
    const { assignment } = job.submission;
    await tx.submission.update({
      where: { id: job.submissionId },
      data: {
        rawScore: g.score,
        maxScore: assignment.points,
        score: finalScore(assignment, g.score, g.maxScore, job.submission.isLate),
      },
    });
    return true;
  });
}

/**
 * Gives a job back after an infrastructure failure (the worker's own fault, not the student's):
 * queued again after a back-off while attempts remain, else failed with the reason.
 */
export async function releaseJob(db: Db, jobId: string, workerId: string, reason: string, now = new Date()): Promise<"requeued" | "failed" | "lost"> {
  const job = await db.gradingJob.findUnique({ where: { id: jobId } });
  if (!job || job.status !== "running" || job.claimedBy !== workerId) return "lost";
  return retryOrFail(db, job, reason, now, { claimedBy: workerId });
}

/**
 * Requeues running jobs whose worker stopped sending heartbeats (it crashed or was killed), or
 * fails them once they have used all their attempts. Returns what it did.
 */
export async function recoverStaleJobs(db: Db, staleAfterMs: number, now = new Date()): Promise<{ requeued: string[]; failed: string[] }> {
  const stale = await db.gradingJob.findMany({
    where: { status: "running", heartbeatAt: { lt: new Date(now.getTime() - staleAfterMs) } },
  });
  const requeued: string[] = [];
  const failed: string[] = [];
  for (const job of stale) {
    const reason = `grading worker ${job.claimedBy ?? "?"} stopped responding`;
    const r = await retryOrFail(db, job, reason, now, { heartbeatAt: job.heartbeatAt });
    if (r === "requeued") requeued.push(job.id);
    if (r === "failed") failed.push(job.id);
  }
  return { requeued, failed };
}

type JobRow = { id: string; attempts: number; maxAttempts: number; claimedBy: string | null };

async function retryOrFail(
  db: Db,
  job: JobRow,
  reason: string,
  now: Date,
  guard: { claimedBy?: string; heartbeatAt?: Date | null },
): Promise<"requeued" | "failed" | "lost"> {
  const where = { id: job.id, status: "running", claimedBy: job.claimedBy, ...guard };
  const exhausted = job.attempts >= job.maxAttempts;
  const r = await db.gradingJob.updateMany({
    where,
    data: exhausted
      ? { status: "failed", error: `${reason}; gave up after ${job.attempts} attempts`, finishedAt: now, claimedBy: null }
      : {
          status: "queued",
          error: reason,
          claimedBy: null,
          claimedAt: null,
          heartbeatAt: null,
          // Back off a little so a job that kills workers does not monopolise them.
          runAfter: new Date(now.getTime() + 500 * 2 ** Math.max(0, job.attempts - 1)),
        },
  });
  if (r.count !== 1) return "lost";
  return exhausted ? "failed" : "requeued";
}

export async function queueDepth(db: Db): Promise<{ queued: number; running: number }> {
  const [queued, running] = await Promise.all([
    db.gradingJob.count({ where: { status: "queued" } }),
    db.gradingJob.count({ where: { status: "running" } }),
  ]);
  return { queued, running };
}
