// Per-assignment analytics for staff: submissions per day, pass rate per test, the most common
// failure messages and the distribution of the scores that count. The aggregation is pure
// (aggregateAnalytics); assignmentAnalytics only loads its rows.
import type { Db } from "../client.ts";
import { countingAttempt, type ScoringPolicy } from "./grading-policy.ts";
import { policyOf } from "./staff-submissions.ts";

export interface AnalyticsSubmission {
  id: string;
  userId: string;
  attemptNumber: number;
  createdAt: Date;
  score: number | null;
  /** Grade outcome (passed, failed, compile_error, …) once graded. */
  outcome: string | null;
  /** The job's message for a grade without test results (compile or runtime error). */
  error: string | null;
}

export interface AnalyticsTest {
  submissionId: string;
  name: string;
  position: number;
  passed: boolean;
  message: string | null;
}

export interface AssignmentAnalytics {
  submissions: number;
  students: number;
  /** Submissions per UTC day, from the first to the last day with one (empty days included). */
  perDay: { day: string; count: number }[];
  /** Per test (in test order): graded submissions that ran it and passed it. */
  tests: { name: string; runs: number; passed: number; rate: number }[];
  /** The most frequent failure messages, numbers generalised so "error 0.3" and "error 0.5" group. */
  failures: { pattern: string; example: string; count: number }[];
  /** Students' counting scores in ten bands of the assignment's points (the last band includes full marks). */
  scores: { from: number; to: number; count: number }[];
}

const DAY_MS = 86_400_000;
const TOP_FAILURES = 10;

/** A failure message with its numbers replaced by "#", the key messages are grouped by. */
export function failurePattern(message: string): string {
  return message.replace(/-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi, "#").replace(/\s+/g, " ").trim().slice(0, 300);
}

export function aggregateAnalytics(input: { points: number; policy: ScoringPolicy; submissions: AnalyticsSubmission[]; tests: AnalyticsTest[] }): AssignmentAnalytics {
  const { submissions, tests, points, policy } = input;

  const perDayCounts = new Map<number, number>();
  for (const s of submissions) {
    const day = Math.floor(s.createdAt.getTime() / DAY_MS);
    perDayCounts.set(day, (perDayCounts.get(day) ?? 0) + 1);
  }
  const days = [...perDayCounts.keys()];
  const perDay: AssignmentAnalytics["perDay"] = [];
  if (days.length > 0) {
    for (let d = Math.min(...days); d <= Math.max(...days); d++) perDay.push({ day: new Date(d * DAY_MS).toISOString().slice(0, 10), count: perDayCounts.get(d) ?? 0 });
  }

  const byTest = new Map<string, { name: string; position: number; runs: number; passed: number }>();
  const failures = new Map<string, { pattern: string; example: string; count: number }>();
  const countFailure = (message: string) => {
    const pattern = failurePattern(message);
    const f = failures.get(pattern);
    if (f) f.count++;
    else failures.set(pattern, { pattern, example: message.slice(0, 300), count: 1 });
  };
  for (const t of tests) {
    const entry = byTest.get(t.name) ?? { name: t.name, position: t.position, runs: 0, passed: 0 };
    entry.runs++;
    if (t.passed) entry.passed++;
    byTest.set(t.name, entry);
    if (!t.passed && t.message) countFailure(`${t.name}: ${t.message}`);
  }
  for (const s of submissions) if (s.error && s.outcome && s.outcome !== "passed" && s.outcome !== "failed") countFailure(`${s.outcome}: ${s.error}`);

  const byStudent = new Map<string, AnalyticsSubmission[]>();
  for (const s of submissions) byStudent.set(s.userId, [...(byStudent.get(s.userId) ?? []), s]);
  const scores = Array.from({ length: 10 }, (_, i) => ({ from: (points * i) / 10, to: (points * (i + 1)) / 10, count: 0 }));
  for (const list of byStudent.values()) {
    const pick = countingAttempt(list, policy);
    if (!pick || pick.score === null || points <= 0) continue;
    const band = Math.min(9, Math.max(0, Math.floor((pick.score / points) * 10)));
    scores[band]!.count++;
  }

  return {
    submissions: submissions.length,
    students: byStudent.size,
    perDay,
    tests: [...byTest.values()].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)).map((t) => ({ name: t.name, runs: t.runs, passed: t.passed, rate: t.runs === 0 ? 0 : t.passed / t.runs })),
    failures: [...failures.values()].sort((a, b) => b.count - a.count || a.pattern.localeCompare(b.pattern)).slice(0, TOP_FAILURES),
    scores,
  };
}

/** Loads an assignment's submissions and current test results and aggregates them. */
export async function assignmentAnalytics(db: Db, assignmentId: string): Promise<AssignmentAnalytics | null> {
  const assignment = await db.assignment.findUnique({ where: { id: assignmentId }, select: { points: true, scoringPolicy: true } });
  if (!assignment) return null;
  const rows = await db.submission.findMany({
    where: { assignmentId },
    select: {
      id: true,
      userId: true,
      attemptNumber: true,
      createdAt: true,
      score: true,
      gradingJob: { select: { status: true, outcome: true, error: true, testResults: { select: { name: true, position: true, passed: true, message: true } } } },
    },
  });
  return aggregateAnalytics({
    points: assignment.points,
    policy: policyOf(assignment.scoringPolicy),
    submissions: rows.map((r) => ({
      id: r.id,
      userId: r.userId,
      attemptNumber: r.attemptNumber,
      createdAt: r.createdAt,
      score: r.score,
      outcome: r.gradingJob?.status === "graded" ? r.gradingJob.outcome : null,
      error: r.gradingJob?.status === "graded" ? r.gradingJob.error : null,
    })),
    tests: rows.flatMap((r) => (r.gradingJob?.status === "graded" ? r.gradingJob.testResults.map((t) => ({ submissionId: r.id, ...t })) : [])),
  });
}
