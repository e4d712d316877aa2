/**
 * What the exercise check needs from whatever runs course and student code: plan a grading (the
 * data only: calls and per-case domain verdicts) and grade a source. The in-process runner below
 * is one implementation; a sandboxed runner plugs in the same way.
 */
import type { Exercise } from "../exercise.ts";
import { planGrading, type Visibility } from "../plan.ts";
import type { SandboxCall } from "../realm/types.ts";
import type { GradeReport } from "../report.ts";
import { runLocally } from "../run-locally.ts";

/** The part of a grading plan the check compares: plain data, wherever the plan was computed. */
export interface PlanData {
  calls: readonly SandboxCall[];
  cases: readonly { name: string; domainProblem?: string; domainDeclared?: boolean }[];
}

export interface GradeOptions {
  seed: number;
  visibility: Visibility;
}

export interface ExerciseRunner {
  plan(seed: number, visibility: Visibility): Promise<PlanData>;
  grade(source: string, options: GradeOptions): Promise<GradeReport>;
}

/** Plans and grades in this process (authoring and tests only: NO isolation). */
export function inProcessRunner(exercise: Exercise): ExerciseRunner {
  return {
    plan: (seed, visibility) => Promise.resolve(planGrading(exercise, { seed, visibility })),
    grade: (source, options) => runLocally(exercise, source, options),
  };
}
