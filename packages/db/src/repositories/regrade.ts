// Regrading: an assignment's graded submissions (all, or one student's) graded again against a
// chosen exercise version. Each submission keeps its old grade in SubmissionGrade, points at the
// new version and gets its grading job reset to queued with the run's id; the grader then claims
// it like any other job (it loads the version named by the submission) and completeJob stores the
// new results and score under the assignment's current rules, the submission's isLate kept.
import { z } from "zod";
import type { Db } from "../client.ts";
import { DomainError } from "../errors.ts";
import { nextFairTurn } from "./jobs.ts";
import { recordAudit } from "./audit.ts";

export const RegradeRequestSchema = z.object({
  exerciseVersionId: z.string().min(1, "Choose a version.").max(100),
  /** Only this student's submissions; null or empty: everyone's. */
  userId: z
    .union([z.literal("").transform(() => null), z.string().max(100), z.null()])
    .default(null),
});

/** Jobs in these states have a grade (or a final failure) to replace; waiting ones are left alone. */
const FINISHED = ["graded", "failed"];
const PENDING = ["queued", "running"];

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Moves one submission into a regrade (in the caller's transaction): the current grade and test
 * results go to history, the submission points at `versionId` and loses its score, the job is
 * queued afresh for the run. False (and nothing written) when the job is not finished, e.g. a
 * worker is grading it right now.
 */
export async function resetForRegrade(
  tx: Tx,
  submissionId: string,
  versionId: string,
  runId: string,
  fairAt: Date,
  now: Date,
): Promise<boolean> {
  const submission = await tx.submission.findUnique({
    where: { id: submissionId },
    include: { gradingJob: { include: { testResults: { orderBy: { position: "asc" } } } } },
  });
  const job = submission?.gradingJob;
  if (!submission || !job || !FINISHED.includes(job.status)) return false;
  const won = await tx.gradingJob.updateMany({
    where: { id: job.id, status: job.status },
    data: {
      status: "queued",
      attempts: 0,
      claimedBy: null,
      claimedAt: null,
      heartbeatAt: null,
      runAfter: now,
      enqueuedAt: now,
      fairAt,
      seed: null,
      outcome: null,
      score: null,
      maxScore: null,
      timings: null,
      error: null,
      errorFeedback: null,
      diagnoses: null,
      startedAt: null,
      finishedAt: null,
      regradeRunId: runId,
    },
  });
  if (won.count !== 1) return false;
  await tx.submissionGrade.create({
    data: {
      submissionId,
      exerciseVersionId: submission.exerciseVersionId,
      outcome: job.status === "failed" ? "infrastructure_failure" : job.outcome,
      rawScore: submission.rawScore,
      score: submission.score,
      maxScore: submission.maxScore,
      testResults: JSON.stringify(
        job.testResults.map((t) => ({
          name: t.name,
          passed: t.passed,
          points: t.points,
          maxPoints: t.maxPoints,
          message: t.message,
        })),
      ),
      gradedAt: job.finishedAt,
      regradeRunId: runId,
      createdAt: now,
    },
  });
  await tx.testResult.deleteMany({ where: { jobId: job.id } });
  await tx.submission.update({
    where: { id: submissionId },
    data: { exerciseVersionId: versionId, rawScore: null, score: null },
  });
  return true;
}

export interface StartRegradeInput {
  courseId: string;
  assignmentId: string;
  actorId: string;
  exerciseVersionId: string;
  userId?: string | null;
  now?: Date;
}

/** Starts a regrade run and queues its jobs; returns the run (total = submissions queued). */
export async function startRegrade(db: Db, input: StartRegradeInput) {
  const now = input.now ?? new Date();
  const assignment = await db.assignment.findFirst({
    where: { id: input.assignmentId, courseId: input.courseId },
    select: { id: true, exerciseId: true },
  });
  if (!assignment) throw new DomainError("not_found", "No such assignment.");
  const version = await db.exerciseVersion.findFirst({
    where: { id: input.exerciseVersionId, exerciseId: assignment.exerciseId },
    select: { id: true, version: true, bundle: true },
  });
  if (!version)
    throw new DomainError(
      "not_found",
      "That version does not belong to this assignment's exercise.",
    );
  if (version.bundle === null)
    throw new DomainError(
      "conflict",
      `Version ${version.version} was recorded without its files and cannot grade; publish it again.`,
    );
  const userId = input.userId ?? null;
  const candidates = await db.submission.findMany({
    where: {
      assignmentId: assignment.id,
      ...(userId ? { userId } : {}),
      gradingJob: { status: { in: FINISHED } },
    },
    orderBy: [{ userId: "asc" }, { attemptNumber: "asc" }],
    select: { id: true, userId: true },
  });
  const run = await db.$transaction(async (tx) => {
    const created = await tx.regradeRun.create({
      data: {
        courseId: input.courseId,
        assignmentId: assignment.id,
        exerciseVersionId: version.id,
        userId,
        requestedById: input.actorId,
        total: 0,
        createdAt: now,
      },
    });
    await recordAudit(
      tx,
      {
        actorId: input.actorId,
        courseId: input.courseId,
        action: "regrade.start",
        entityType: "RegradeRun",
        entityId: created.id,
        after: {
          assignmentId: assignment.id,
          exerciseVersionId: version.id,
          version: version.version,
          userId,
          submissions: candidates.length,
        },
      },
      now,
    );
    return created;
  });
  let total = 0;
  for (const s of candidates) {
    // One short transaction per submission: a large course never holds the database for long.
    const fairAt = await nextFairTurn(db, s.userId, now);
    if (await db.$transaction((tx) => resetForRegrade(tx, s.id, version.id, run.id, fairAt, now)))
      total++;
  }
  return db.regradeRun.update({
    where: { id: run.id },
    data: { total, finishedAt: total === 0 ? now : null },
  });
}

export interface RegradeProgress {
  id: string;
  total: number;
  /** Jobs of the run no longer waiting (graded, failed, or taken over by a later run). */
  done: number;
  failed: number;
  percent: number;
  finished: boolean;
  version: number;
  userId: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Where a run stands; records finishedAt the first time nothing of it is left waiting. */
export async function regradeProgress(
  db: Db,
  runId: string,
  now = new Date(),
): Promise<RegradeProgress | null> {
  const run = await db.regradeRun.findUnique({
    where: { id: runId },
    include: { exerciseVersion: { select: { version: true } } },
  });
  if (!run) return null;
  const [pending, failed] = await Promise.all([
    db.gradingJob.count({ where: { regradeRunId: runId, status: { in: PENDING } } }),
    db.gradingJob.count({ where: { regradeRunId: runId, status: "failed" } }),
  ]);
  let finishedAt = run.finishedAt;
  if (pending === 0 && !finishedAt) {
    finishedAt = now;
    await db.regradeRun.updateMany({
      where: { id: runId, finishedAt: null },
      data: { finishedAt: now },
    });
  }
  const done = Math.max(0, run.total - pending);
  return {
    id: run.id,
    total: run.total,
    done,
    failed,
    percent: run.total === 0 ? 100 : Math.floor((done / run.total) * 100),
    finished: pending === 0,
    version: run.exerciseVersion.version,
    userId: run.userId,
    createdAt: run.createdAt,
    finishedAt,
  };
}

/** An assignment's regrade runs, newest first. */
export function listRegradeRuns(db: Db, assignmentId: string, take = 10) {
  return db.regradeRun.findMany({
    where: { assignmentId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      total: true,
      createdAt: true,
      finishedAt: true,
      userId: true,
      exerciseVersion: { select: { version: true } },
    },
  });
}

/** A run of a course, or null (staff routes check the course before reading its progress). */
export function findRegradeRun(db: Db, courseId: string, runId: string) {
  return db.regradeRun.findFirst({
    where: { id: runId, courseId },
    select: { id: true, assignmentId: true },
  });
}
