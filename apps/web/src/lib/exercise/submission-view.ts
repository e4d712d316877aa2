/**
 * Maps a stored submission (with its grading job and results) to what its owner may see. Server
 * side only; the output is exactly SubmissionView, so nothing else (seed, claimedBy, timings,
 * internal failure reasons) reaches the browser.
 */
import { finalScore, parseStoredDiagnoses } from "@course/db";
import { exerciseMessages } from "../i18n/messages/exercise.ts";
import { ENGLISH, localizeMessage, localizeName, localizeTest, type FeedbackLocalizer } from "./feedback-view.ts";
import { JobStatusSchema, type SubmissionView, type SubmissionWithCode } from "./schemas.ts";

export interface StoredSubmission {
  id: string;
  attemptNumber: number;
  createdAt: Date;
  isLate: boolean;
  code: string;
  /** The exercise version the submission was stored (and graded) against. */
  exerciseVersion?: { version: number } | null;
  rawScore: number | null;
  score: number | null;
  maxScore: number | null;
  gradingJob: {
    status: string;
    outcome: string | null;
    score: number | null;
    maxScore: number | null;
    error?: string | null;
    /** `error` as structured feedback (JSON text), to show it in the viewer's language. */
    errorFeedback?: string | null;
    testResults?: { name: string; passed: boolean; points: number; maxPoints: number; message: string | null; feedback?: string | null }[];
    /** Diagnoses JSON, stored after the grade (null until then). */
    diagnoses?: string | null;
    finishedAt?: Date | null;
  } | null;
}

/** How long after a failing grade the page keeps asking for its diagnosis. */
export const DIAGNOSIS_WAIT_MS = 20_000;

const DIAGNOSED_OUTCOMES = new Set(["failed", "runtime_error"]);

function diagnosesView(job: NonNullable<StoredSubmission["gradingJob"]>, loc: FeedbackLocalizer, now: number): Pick<SubmissionView, "diagnoses" | "diagnosisPending"> {
  if (job.status !== "graded" || !DIAGNOSED_OUTCOMES.has(job.outcome ?? "")) return {};
  const stored = parseStoredDiagnoses(job.diagnoses);
  if (stored === undefined) {
    const recent = job.diagnoses == null && job.finishedAt != null && now - job.finishedAt.getTime() < DIAGNOSIS_WAIT_MS;
    return recent ? { diagnosisPending: true } : {};
  }
  return {
    diagnoses: stored.map((d) => ({
      key: d.key,
      message: localizeMessage(d.message, JSON.stringify(d.feedback), loc) ?? d.message,
      tests: d.tests.map((t) => localizeName(t, loc)),
    })),
  };
}

export interface AssignmentScale {
  points: number;
  latePenalty: number;
}

/** Shown instead of an infrastructure failure's internal reason. */
export const GRADING_FAILED_MESSAGE = exerciseMessages.en.gradingFailedNote;

/**
 * `loc` picks the language of the grading feedback (test names, messages, the submission-level
 * message); English shows exactly what the grader stored.
 */
export function toSubmissionView(s: StoredSubmission, a: AssignmentScale, loc: FeedbackLocalizer = ENGLISH, now = Date.now()): SubmissionView {
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
  if (status === "failed") error = exerciseMessages[loc.locale].gradingFailedNote;
  else if (graded && job?.error) error = localizeMessage(job.error, job.errorFeedback, loc);
  return {
    id: s.id,
    attemptNumber: s.attemptNumber,
    exerciseVersion: s.exerciseVersion?.version ?? null,
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
      ? (job?.testResults ?? []).map((t) =>
          localizeTest({ name: t.name, passed: t.passed, points: t.points, maxPoints: t.maxPoints, message: t.message }, t.feedback, loc),
        )
      : [],
    ...(job === null ? {} : diagnosesView(job, loc, now)),
  };
}

export function toSubmissionWithCode(s: StoredSubmission, a: AssignmentScale, loc: FeedbackLocalizer = ENGLISH): SubmissionWithCode {
  return { ...toSubmissionView(s, a, loc), code: s.code };
}
