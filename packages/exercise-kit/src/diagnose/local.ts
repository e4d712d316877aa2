/**
 * Grade and diagnose a source in this process (authoring checks and tests only: NO isolation,
 * like runLocally). The grader does the same with every run in its sandbox.
 */
import type { Exercise } from "../exercise.ts";
import { planGrading } from "../plan.ts";
import type { GradeReport } from "../report.ts";
import { runPlanLocally } from "../run-locally.ts";
import { scoreGrading } from "../score.ts";
import { diagnose, type Diagnosis, type MutantRun } from "./diagnose.ts";

export type DiagnosableExercise = Pick<Exercise, "manifest" | "tests" | "mutants" | "hints" | "testNames">;

export async function diagnoseLocally(exercise: DiagnosableExercise, source: string, options: { seed: number }): Promise<{ report: GradeReport; diagnoses: Diagnosis[] }> {
  const plan = planGrading(exercise, { seed: options.seed, visibility: "all" });
  const run = await runPlanLocally(exercise.manifest, plan, source);
  if (run.report !== undefined) return { report: run.report, diagnoses: [] };
  const report = scoreGrading(plan, run.realm, { ...(run.sourceMap === undefined ? {} : { sourceMap: run.sourceMap }), testNames: exercise.testNames });
  const failing = report.tests.filter((t) => !t.passed).map((t) => t.name);
  if (failing.length === 0 || run.realm === undefined) return { report, diagnoses: [] };
  const mutants: MutantRun[] = [];
  for (const m of exercise.mutants) {
    const r = await runPlanLocally(exercise.manifest, plan, m.source);
    mutants.push({ name: m.name, hint: exercise.hints[m.name], realm: r.realm });
  }
  return { report, diagnoses: diagnose({ plan, student: run.realm, failing, mutants, testNames: exercise.testNames }) };
}
