/**
 * Diagnosis of a graded submission, after the grade: the exercise's mutants (course code, the same
 * shape as a submission) run in the student sandbox pool on the failing tests' calls only, never
 * in this process; here their results are only compared with the student's (exercise-kit's
 * diagnose). Mutants have a submission's shape, so they get a submission's sandbox.
 */
import { callsFor, compileSubmission, diagnosableCases, diagnose, type Diagnosis, type MutantRun } from "@course/exercise-kit";
import type { CourseVersion } from "./course/runner.ts";
import type { GradeOutcome } from "./grading.ts";
import { chooseFlavour } from "./sandbox/flavour.ts";
import type { SandboxPool } from "./sandbox/pool.ts";

/** Compiled mutants per exercise version (content hash: a version never changes). */
const compiledMutants = new Map<string, Promise<Map<string, string | undefined>>>();

function mutantCode(exercise: CourseVersion): Promise<Map<string, string | undefined>> {
  let p = compiledMutants.get(exercise.hash);
  if (p === undefined) {
    p = Promise.all(exercise.mutants.map(async (m) => [m.name, await compileSubmission(m.source).then((c) => (c.ok ? c.code : undefined))] as const)).then((e) => new Map(e));
    p.catch(() => compiledMutants.delete(exercise.hash));
    compiledMutants.set(exercise.hash, p);
    while (compiledMutants.size > 64) compiledMutants.delete(compiledMutants.keys().next().value as string);
  }
  return p;
}

/** How many mutants run at once: a diagnosis must not take the whole pool from other gradings. */
const CONCURRENCY = 2;

/** Failed tests, or a module that threw or crashed; never limits (their results are partial). */
export function isDiagnosable(outcome: GradeOutcome): boolean {
  const status = outcome.report.status;
  return outcome.scored !== undefined && (status === "failed" || status === "runtime_error");
}

export async function diagnoseSubmission(pool: SandboxPool, exercise: CourseVersion, outcome: GradeOutcome): Promise<Diagnosis[]> {
  const { report, scored } = outcome;
  if (scored === undefined || !isDiagnosable(outcome)) return [];
  const failing = report.tests.filter((t) => !t.passed).map((t) => t.name);
  const loadFailed = !scored.realm.load.ok;
  const crash = scored.outcome === "crashed" ? outcome.detail : undefined;
  const cases = diagnosableCases(scored.plan, scored.realm, failing);
  if (cases.length === 0 && !loadFailed && crash === undefined) return [];
  // A load failure is compared on loading alone, a crash on the whole plan; otherwise only the
  // failing tests' calls run.
  const calls = loadFailed ? [] : crash !== undefined ? scored.plan.calls : callsFor(scored.plan, cases);
  const code = await mutantCode(exercise);
  const { manifest } = exercise;
  const withHint = exercise.mutants.filter((m) => exercise.hints[m.name] !== undefined && code.get(m.name) !== undefined);
  const runs: MutantRun[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < withHint.length) {
      const m = withHint[next++]!;
      const compiled = code.get(m.name)!;
      const run = await pool.run({
        flavour: chooseFlavour(compiled, calls, manifest.allow),
        code: compiled,
        calls,
        bans: manifest.bans,
        allow: manifest.allow,
        wallMs: manifest.limits.wallMs,
        memoryMb: manifest.limits.memoryMb,
      });
      runs.push({
        name: m.name,
        hint: exercise.hints[m.name],
        realm: run.outcome === "ok" ? run.realm : undefined,
        ...(run.outcome === "crashed" && run.detail !== undefined ? { crash: run.detail } : {}),
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, withHint.length) }, worker));
  // Mutants in folder order, whatever order they finished in.
  runs.sort((a, b) => withHint.findIndex((m) => m.name === a.name) - withHint.findIndex((m) => m.name === b.name));
  return diagnose({ plan: scored.plan, student: scored.realm, failing, mutants: runs, testNames: exercise.testNames, ...(crash === undefined ? {} : { crash }) });
}
