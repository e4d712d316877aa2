/**
 * Diagnoses of failed grades: stored a moment after the grade (the grade is never held back for
 * them), read with the submission, and counted per assignment for instructors.
 */
import { z } from "zod";
import type { Db } from "../client.ts";

export const MAX_DIAGNOSES_CHARS = 32_000;

/** One diagnosis as exercise-kit builds it; only its outline is checked here (readers parse it fully). */
const StoredDiagnosisSchema = z.object({
  key: z.string().min(1).max(200),
  message: z.string().max(5000),
  feedback: z.array(z.looseObject({ key: z.string().min(1).max(100), params: z.record(z.string(), z.unknown()) })).max(64),
  tests: z.array(z.string().max(500)).max(500),
  mutant: z.string().max(100).optional(),
});
export const StoredDiagnosesSchema = z.array(StoredDiagnosisSchema).max(50);
export type StoredDiagnosis = z.infer<typeof StoredDiagnosisSchema>;

/**
 * Store a graded job's diagnoses (an empty list says "diagnosed, nothing found"). Only a graded
 * job takes them, once; an oversized list is stored empty rather than lost halfway. Returns
 * whether the row took them.
 */
export async function storeDiagnoses(db: Db, jobId: string, diagnoses: readonly StoredDiagnosis[]): Promise<boolean> {
  const parsed = StoredDiagnosesSchema.parse(diagnoses);
  const json = JSON.stringify(parsed);
  const value = json.length <= MAX_DIAGNOSES_CHARS ? json : "[]";
  const r = await db.gradingJob.updateMany({ where: { id: jobId, status: "graded", diagnoses: null }, data: { diagnoses: value } });
  return r.count === 1;
}

/** Stored diagnoses JSON → diagnoses (undefined when absent or unreadable). */
export function parseStoredDiagnoses(json: string | null | undefined): StoredDiagnosis[] | undefined {
  if (json === null || json === undefined) return undefined;
  try {
    const r = StoredDiagnosesSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : undefined;
  } catch {
    return undefined;
  }
}

export interface DiagnosisCount {
  key: string;
  /** Graded submissions it fired on. */
  submissions: number;
  /** Distinct students it fired for. */
  students: number;
  /** One stored instance (its feedback renders the message in the viewer's language). */
  example: StoredDiagnosis;
}

/**
 * How often each diagnosis fired on an assignment's graded submissions, most frequent first, and
 * how many failed gradings were diagnosed at all.
 */
export async function diagnosisCounts(db: Db, assignmentId: string): Promise<{ diagnosed: number; counts: DiagnosisCount[] }> {
  const jobs = await db.gradingJob.findMany({
    where: { status: "graded", diagnoses: { not: null }, submission: { assignmentId } },
    select: { diagnoses: true, submission: { select: { userId: true } } },
  });
  return countJobs(jobs);
}

/** diagnosisCounts for every assignment of a course that has diagnosed gradings, by assignment id. */
export async function courseDiagnosisCounts(db: Db, courseId: string): Promise<Map<string, { diagnosed: number; counts: DiagnosisCount[] }>> {
  const jobs = await db.gradingJob.findMany({
    where: { status: "graded", diagnoses: { not: null }, submission: { assignment: { courseId } } },
    select: { diagnoses: true, submission: { select: { userId: true, assignmentId: true } } },
  });
  const byAssignment = new Map<string, typeof jobs>();
  for (const j of jobs) byAssignment.set(j.submission.assignmentId, [...(byAssignment.get(j.submission.assignmentId) ?? []), j]);
  return new Map([...byAssignment].map(([id, list]) => [id, countJobs(list)]));
}

function countJobs(jobs: { diagnoses: string | null; submission: { userId: string } }[]): { diagnosed: number; counts: DiagnosisCount[] } {
  const byKey = new Map<string, { submissions: number; students: Set<string>; example: StoredDiagnosis }>();
  for (const job of jobs) {
    for (const d of parseStoredDiagnoses(job.diagnoses) ?? []) {
      const c = byKey.get(d.key) ?? { submissions: 0, students: new Set<string>(), example: d };
      c.submissions++;
      c.students.add(job.submission.userId);
      byKey.set(d.key, c);
    }
  }
  const counts = [...byKey.entries()]
    .map(([key, c]) => ({ key, submissions: c.submissions, students: c.students.size, example: c.example }))
    .sort((a, b) => b.submissions - a.submissions || a.key.localeCompare(b.key));
  return { diagnosed: jobs.length, counts };
}
