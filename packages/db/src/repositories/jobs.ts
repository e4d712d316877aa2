import { randomUUID } from "node:crypto";
import { z } from "zod";
import { dbProvider, type Db } from "../client.ts";
import { GradeStatusSchema } from "../enums.ts";
import { Prisma } from "../generated/sqlite/client.ts";
import { finalScore } from "./grading-policy.ts";

/** What a worker needs to grade a claimed job. */
export interface ClaimedJob {
  jobId: string;
  submissionId: string;
  attempt: number;
  exerciseSlug: string;
  exerciseVersionId: string;
  /** The version's content hash: the grader's cache key for its compiled course code. */
  contentHash: string;
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
 * The spacing of one student's waiting submissions in the fair order (start-time fair queuing:
 * the order is a virtual clock, not the wall clock). A new job's turn is the turn at the head of
 * the queue, or one step after its student's latest waiting job, whichever is later. So a student
 * with nothing waiting goes straight to the head, and a student with k jobs waiting has their next
 * one behind everyone else's first k: a burst of 200 from one student is interleaved with the
 * others' submissions instead of starving them, however long ago the burst was sent.
 */
export const FAIR_TURN_MS = 1000;

const PENDING = { status: { in: ["queued", "running"] } };

/**
 * The turn of a new job of `userId` (see FAIR_TURN_MS). With nothing waiting at all, the turn is
 * `now`. Two submissions of one student racing may get the same turn; fairness between students
 * is unaffected. Two indexed lookups ([status, fairAt] and the student's pending jobs).
 */
export async function nextFairTurn(db: Pick<Db, "gradingJob">, userId: string, now: Date): Promise<Date> {
  const [head, latest] = await Promise.all([
    db.gradingJob.findFirst({ where: PENDING, orderBy: { fairAt: "asc" }, select: { fairAt: true } }),
    db.gradingJob.findFirst({ where: { ...PENDING, submission: { userId } }, orderBy: { fairAt: "desc" }, select: { fairAt: true } }),
  ]);
  const base = head ? head.fairAt.getTime() : now.getTime();
  return new Date(latest ? Math.max(base, latest.fairAt.getTime() + FAIR_TURN_MS) : base);
}

/**
 * Claims the runnable queued job whose fair turn comes first (see FAIR_TURN_MS) for `workerId` in
 * ONE statement that picks the row, moves it to running and returns what the worker needs. Exactly one worker wins each job: SQLite runs a
 * write statement under its write lock from start to end; on PostgreSQL the pick locks the row
 * (rows other claimers hold are skipped, not waited for) and the outer `status = 'queued'` is
 * re-checked on the locked row. Raw SQL because Prisma cannot express it; the names are the
 * model and field names (no @@map), the same in both migrations.
 */
export async function claimNextJob(db: Db, workerId: string, now = new Date()): Promise<ClaimedJob | null> {
  const skipLocked = isPostgres(db) ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const rows = await db.$queryRaw<unknown[]>`
    UPDATE "GradingJob" SET ${claimSet(workerId, now)}
    WHERE "id" = (
      SELECT "id" FROM "GradingJob" WHERE "status" = 'queued' AND "runAfter" <= ${now}
      ORDER BY "fairAt" ASC, "id" ASC LIMIT 1 ${skipLocked}
    ) AND "status" = 'queued'
    ${CLAIMED_RETURNING}`;
  return claimedFrom(rows);
}

/** Queued rows whose back-off has passed, in fair order (the BullMQ dispatcher's input). */
export function listRunnableJobs(db: Db, now = new Date(), take = 500): Promise<{ id: string; attempts: number }[]> {
  return db.gradingJob.findMany({ where: runnable(now), orderBy: FAIR_ORDER, select: { id: true, attempts: true }, take });
}

function runnable(now: Date) {
  return { status: "queued", runAfter: { lte: now } };
}

const FAIR_ORDER = [{ fairAt: "asc" as const }, { id: "asc" as const }];

/** Claims one specific job (the scale-out path: BullMQ hands the id, the row records the claim). */
export async function claimJob(db: Db, jobId: string, workerId: string, now = new Date()): Promise<ClaimedJob | null> {
  const rows = await db.$queryRaw<unknown[]>`
    UPDATE "GradingJob" SET ${claimSet(workerId, now)}
    WHERE "id" = ${jobId} AND "status" = 'queued'
    ${CLAIMED_RETURNING}`;
  return claimedFrom(rows);
}

/** Both generated clients share one runtime; only PostgreSQL knows row locks (FOR UPDATE). */
function isPostgres(db: Db): boolean {
  return dbProvider(db) === "postgresql";
}

function claimSet(workerId: string, now: Date) {
  return Prisma.sql`"status" = 'running', "claimedBy" = ${workerId}, "claimedAt" = ${now}, "heartbeatAt" = ${now}, "startedAt" = ${now}, "attempts" = "attempts" + 1`;
}

/**
 * What a worker needs, read in the claiming statement itself. Correlated subqueries rather than a
 * join: SQLite's RETURNING sees only the updated table.
 */
const CLAIMED_RETURNING = Prisma.sql`RETURNING "id", "submissionId", "attempts", "enqueuedAt",
  (SELECT s."code" FROM "Submission" s WHERE s."id" = "GradingJob"."submissionId") AS "code",
  (SELECT s."exerciseVersionId" FROM "Submission" s WHERE s."id" = "GradingJob"."submissionId") AS "exerciseVersionId",
  (SELECT v."contentHash" FROM "Submission" s
     JOIN "ExerciseVersion" v ON v."id" = s."exerciseVersionId"
   WHERE s."id" = "GradingJob"."submissionId") AS "contentHash",
  (SELECT e."slug" FROM "Submission" s
     JOIN "ExerciseVersion" v ON v."id" = s."exerciseVersionId"
     JOIN "Exercise" e ON e."id" = v."exerciseId"
   WHERE s."id" = "GradingJob"."submissionId") AS "exerciseSlug"`;

const ClaimedRowSchema = z.object({
  id: z.string(),
  submissionId: z.string(),
  attempts: z.coerce.number().int(),
  enqueuedAt: z.coerce.date(),
  code: z.string(),
  exerciseVersionId: z.string(),
  contentHash: z.string(),
  exerciseSlug: z.string(),
});

function claimedFrom(rows: unknown[]): ClaimedJob | null {
  if (rows.length === 0) return null;
  const r = ClaimedRowSchema.parse(rows[0]);
  return {
    jobId: r.id,
    submissionId: r.submissionId,
    attempt: r.attempts,
    exerciseSlug: r.exerciseSlug,
    exerciseVersionId: r.exerciseVersionId,
    contentHash: r.contentHash,
    code: r.code,
    enqueuedAt: r.enqueuedAt,
  };
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
 * Four statements: read what the score needs (guarded by the claim), the guarded job update, one
 * multi-row insert of the results, the submission's score.
 */
export async function completeJob(db: Db, jobId: string, workerId: string, grade: CompletedGrade, now = new Date()): Promise<boolean> {
  const g = CompletedGradeSchema.parse(grade);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<unknown[]>`
      SELECT j."submissionId", j."enqueuedAt", j."startedAt", s."isLate", a."points", a."latePenalty"
      FROM "GradingJob" j
        JOIN "Submission" s ON s."id" = j."submissionId"
        JOIN "Assignment" a ON a."id" = s."assignmentId"
      WHERE j."id" = ${jobId} AND j."status" = 'running' AND j."claimedBy" = ${workerId}`;
    if (rows.length === 0) return false;
    const job = GradedJobRowSchema.parse(rows[0]);
    const timings = JSON.stringify({ ...g.timings, queueMs: (job.startedAt ?? now).getTime() - job.enqueuedAt.getTime() });
    const won = await tx.$executeRaw`
      UPDATE "GradingJob" SET "status" = 'graded', "outcome" = ${g.status}, "score" = ${g.score}, "maxScore" = ${g.maxScore},
        "seed" = ${g.seed}, "timings" = ${timings}, "error" = ${g.error ?? null}, "errorFeedback" = ${g.errorFeedback ?? null},
        "finishedAt" = ${now}, "heartbeatAt" = ${now}
      WHERE "id" = ${jobId} AND "status" = 'running' AND "claimedBy" = ${workerId}`;
    if (won !== 1) return false;
    if (g.tests.length > 0) {
      // One multi-row INSERT (createMany costs several times more CPU per row in Prisma's query
      // compiler). Ids are random UUIDs: opaque keys nobody reads, like the cuids Prisma makes.
      const values = g.tests.map(
        (t, position) =>
          Prisma.sql`(${randomUUID()}, ${jobId}, ${position}, ${t.name}, ${t.passed}, ${t.points}, ${t.maxPoints}, ${t.message ?? null}, ${t.feedback ?? null})`,
      );
      await tx.$executeRaw`
        INSERT INTO "TestResult" ("id", "jobId", "position", "name", "passed", "points", "maxPoints", "message", "feedback")
        VALUES ${Prisma.join(values)}`;
    }
    const score = finalScore({ points: job.points, latePenalty: job.latePenalty }, g.score, g.maxScore, job.isLate);
    await tx.$executeRaw`
      UPDATE "Submission" SET "rawScore" = ${g.score}, "maxScore" = ${job.points}, "score" = ${score}
      WHERE "id" = ${job.submissionId}`;
    return true;
  });
}

/** SQLite returns booleans as 0/1 when it cannot see a column's declared type. */
const SqlBoolean = z.union([z.boolean(), z.number().transform((n) => n !== 0)]);

const GradedJobRowSchema = z.object({
  submissionId: z.string(),
  enqueuedAt: z.coerce.date(),
  startedAt: z.coerce.date().nullable(),
  isLate: SqlBoolean,
  points: z.coerce.number(),
  latePenalty: z.coerce.number(),
});

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
