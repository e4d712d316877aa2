/**
 * Maps a stored submission (with its grading job and results) to what its owner may see. Server
 * side only; the output is exactly SubmissionView, so nothing else (seed, claimedBy, timings,
 * internal failure reasons) reaches the browser.
 */
import { finalScore } from "@course/db";
import { JobStatusSchema, type SubmissionView, type SubmissionWithCode } from "./schemas.ts";

export interface StoredSubmission {
  id: string;
  attemptNumber: number;
  createdAt: Date;
  isLate: boolean;
  code: string;
  rawScore: number | null;
  score: number | null;
  maxScore: number | null;
  gradingJob: {
    status: string;
    outcome: string | null;
    score: number | null;
    maxScore: number | null;
    error?: string | null;
    testResults?: { name: string; passed: boolean; points: number; maxPoints: number; message: string | null }[];
  } | null;
}

export interface AssignmentScale {
  points: number;
  latePenalty: number;
}

/** Shown instead of an infrastructure failure's internal reason. */
export const GRADING_FAILED_MESSAGE = "Grading could not be completed. Your attempt is kept; please contact your instructor.";

export function toSubmissionView(s: StoredSubmission, a: AssignmentScale): SubmissionView {
  const job = s.gradingJob;
  const parsed = JobStatusSchema.safeParse(job?.status ?? "queued");
  const status = parsed.success ? parsed.data : "queued";
  const graded = status === "graded";
  const raw = graded ? (s.rawScore ?? job?.score ?? null) : null;
  const max = graded ? (job?.maxScore ?? s.maxScore ?? null) : null;
  let score: number | null = null;
  if (graded) {
    score = s.score ?? (raw !== null && max !== null ? finalScore(a, raw, max, s.isLate) : null);
  }
  let error: string | null = null;
  if (status === "failed") error = GRADING_FAILED_MESSAGE;
  else if (graded && job?.error) error = job.error;
  return {
    id: s.id,
    attemptNumber: s.attemptNumber,
    createdAt: s.createdAt.toISOString(),
    isLate: s.isLate,
    status,
    outcome: graded ? (job?.outcome ?? null) : null,
    rawScore: raw,
    maxRawScore: max,
    score,
    points: a.points,
    latePenalty: a.latePenalty,
    error,
    tests: graded
      ? (job?.testResults ?? []).map((t) => ({
          name: t.name,
          passed: t.passed,
          points: t.points,
          maxPoints: t.maxPoints,
          message: t.message,
        }))
      : [],
  };
}

export function toSubmissionWithCode(s: StoredSubmission, a: AssignmentScale): SubmissionWithCode {
  return { ...toSubmissionView(s, a), code: s.code };
}
