/**
 * Grades one claimed job: heartbeats while it runs, writes the grade exactly once (completeJob),
 * and gives the job back (releaseJob) only for the grader's own failures. A student's fault
 * (compile error, timeout, memory, crash of their sandbox) is a grade, never a retry.
 */
import { MAX_FEEDBACK_CHARS, completeJob, heartbeat, releaseJob, storeDiagnoses, type ClaimedJob, type Db } from "@course/db";
import type { Feedback } from "@course/exercise-kit";
import type { CourseVersion } from "./course/runner.ts";
import { diagnoseSubmission, isDiagnosable } from "./diagnosis.ts";
import { gradeSubmission, type GradeOutcome, type GradingEngine } from "./grading.ts";
import type { Logger } from "./log.ts";
import type { JobMetrics } from "./metrics.ts";

export interface WorkerDeps {
  db: Db;
  engine: GradingEngine;
  /** The job's exercise version, by id and content hash (the one stored with the submission). */
  loadVersion: (versionId: string, contentHash: string) => Promise<CourseVersion>;
  workerId: string;
  heartbeatMs: number;
  log: Logger;
  /** Called after a job ended (graded, lost, requeued or failed): tests and the bench wait on it. */
  onJobEnd?: (jobId: string, end: JobEnd) => void;
  metrics?: JobMetrics;
}

export type JobEnd = "graded" | "lost" | "requeued" | "failed";

const optional = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: V }));

/**
 * Structured feedback worth storing next to its message: only when it fits the column (an
 * oversized one is dropped, and the web app shows the English message, rather than losing the grade).
 */
export function storableFeedback(message: string | undefined, feedback: Feedback | undefined): Feedback | undefined {
  if (message === undefined || feedback === undefined) return undefined;
  return JSON.stringify(feedback).length <= MAX_FEEDBACK_CHARS ? feedback : undefined;
}

export async function processClaimedJob(deps: WorkerDeps, job: ClaimedJob): Promise<JobEnd> {
  const started = performance.now();
  deps.metrics?.jobClaimed(job);
  const { end, graded } = await processInner(deps, job);
  deps.metrics?.jobEnded(job, end, (performance.now() - started) / 1000);
  // The grade is stored and announced first; the diagnosis follows and is stored on its own.
  deps.onJobEnd?.(job.jobId, end);
  if (graded !== undefined) await diagnoseStored(deps, job, graded.version, graded.outcome);
  return end;
}

/** Diagnose a stored failing grade and store what was found (an empty list too: "nothing found"). */
async function diagnoseStored(deps: WorkerDeps, job: ClaimedJob, version: CourseVersion, outcome: GradeOutcome): Promise<void> {
  if (!isDiagnosable(outcome)) return;
  const t0 = performance.now();
  try {
    const diagnoses = await diagnoseSubmission(deps.engine.pool, version, outcome);
    await storeDiagnoses(deps.db, job.jobId, diagnoses);
    deps.log("info", "diagnosed", { jobId: job.jobId, keys: diagnoses.map((d) => d.key), ms: Math.round(performance.now() - t0) });
  } catch (e) {
    // The grade stands; the page stops waiting for a diagnosis that never comes.
    deps.log("warn", "diagnosis failed", { jobId: job.jobId, error: e instanceof Error ? e.message : String(e) });
  }
}

async function processInner(deps: WorkerDeps, job: ClaimedJob): Promise<{ end: JobEnd; graded?: { version: CourseVersion; outcome: GradeOutcome } }> {
  const end = (e: JobEnd) => ({ end: e });
  const { db, workerId, log } = deps;
  let lost = false;
  const beat = setInterval(() => {
    heartbeat(db, job.jobId, workerId).then(
      (ok) => {
        if (!ok) lost = true;
      },
      (e: unknown) => log("warn", "heartbeat failed", { jobId: job.jobId, error: String(e) }),
    );
  }, deps.heartbeatMs);
  try {
    let version: CourseVersion;
    try {
      version = await deps.loadVersion(job.exerciseVersionId, job.contentHash);
    } catch (e) {
      // Not the student's fault and not transient: record it as a failed job with the reason.
      const r = await releaseJob(db, job.jobId, workerId, `cannot load exercise ${job.exerciseSlug}: ${(e as Error).message}`);
      return end(r);
    }
    const outcome = await gradeSubmission(deps.engine, version, job.code);
    if (lost) return end("lost");
    const { report } = outcome;
    const stored = await completeJob(db, job.jobId, workerId, {
      status: report.status,
      score: report.score,
      maxScore: report.maxScore,
      seed: report.seed,
      tests: report.tests.map((t) => ({
        name: t.name.slice(0, 500),
        passed: t.passed,
        points: t.points,
        maxPoints: t.maxPoints,
        ...(t.message === undefined ? {} : { message: t.message.slice(0, 4000) }),
        ...optional("feedback", storableFeedback(t.message, t.feedback)),
      })),
      timings: {
        compileMs: outcome.timings.compileMs,
        planMs: outcome.timings.planMs,
        sandboxMs: outcome.timings.sandboxMs,
        testsMs: outcome.timings.scoreMs,
        totalMs: outcome.timings.totalMs,
      },
      ...(report.message === undefined ? {} : { error: report.message.slice(0, 8000) }),
      ...optional("errorFeedback", storableFeedback(report.message, report.feedback)),
    });
    log("info", "graded", { jobId: job.jobId, status: report.status, score: report.score, ms: Math.round(outcome.timings.totalMs), stored });
    return stored ? { end: "graded", graded: { version, outcome } } : end("lost");
  } catch (e) {
    log("error", "grading failed (infrastructure)", { jobId: job.jobId, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    const r = await releaseJob(db, job.jobId, workerId, `grader error: ${(e as Error).message ?? String(e)}`).catch(() => "lost" as const);
    return end(r);
  } finally {
    clearInterval(beat);
  }
}
