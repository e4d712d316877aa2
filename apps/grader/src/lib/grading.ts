/**
 * One grading, trusted side: compile the submission while the author sandbox plans (course code
 * draws the inputs and computes the expected values there) → student sandbox (only calls go in,
 * only Wire results come out) → custom checks back in the author sandbox → score here. Used by
 * the service and the `grade` CLI alike. This process runs neither student nor course code.
 */
import {
  compileSubmission,
  fb,
  renderPart,
  reportForCompileFailure,
  scoreGrading,
  type CheckResult,
  type Feedback,
  type FeedbackPart,
  type GradeReport,
  type Diagnosis,
  type GradingPlan,
  type RealmResult,
  type Visibility,
  type Wire,
} from "@course/exercise-kit";
import { freshSeed, type CourseSandbox, type CourseVersion } from "./course/runner.ts";
import type { SandboxPlan } from "./course/plan-data.ts";
import { chooseFlavour } from "./sandbox/flavour.ts";
import type { SandboxPool, SandboxRun } from "./sandbox/pool.ts";

/** What a grading needs: the student sandboxes and the author sandbox for course code. */
export interface GradingEngine {
  pool: SandboxPool;
  course: CourseSandbox;
}

export interface GradeOptions {
  /** Seed of the hidden inputs; fresh when omitted. */
  seed?: number;
  /** Which cases to grade (with a seed; default all, as a real grading). */
  visibility?: Visibility;
}

export interface GradeOutcome {
  report: GradeReport;
  timings: { compileMs: number; planMs: number; sandboxMs: number; scoreMs: number; totalMs: number; cpuMs: number };
  /** Infrastructure detail worth logging (sandbox crash reason, ...). */
  detail?: string;
  logs: string[];
  /** What a diagnosis needs afterwards (trusted side only): the plan and the results it scored. */
  scored?: { plan: GradingPlan; realm: RealmResult; outcome: SandboxRun["outcome"] };
}

export { freshSeed };

/** Why the sandbox stopped, for the student (catalogue keys: shown in their language). */
function stopped(outcome: Exclude<SandboxRun["outcome"], "ok">, detail: string | undefined): FeedbackPart {
  const params = detail ? { detail } : {};
  return outcome === "timeout" ? fb("sandbox.timeout", params) : outcome === "memory_limit" ? fb("sandbox.memory", params) : fb("sandbox.crashed", params);
}

/**
 * Custom checks are course code: their verdicts come from the author sandbox, for the cases whose
 * calls all returned (a call that threw is scored here without them).
 */
async function attachVerdicts(engine: GradingEngine, version: CourseVersion, plan: SandboxPlan, results: readonly { id: string; ok: boolean; value?: Wire }[]): Promise<void> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const pending = plan.cases.filter((c) => c.hasCheck && c.throws === undefined && c.callIds.every((id) => byId.get(id)?.ok === true));
  const verdicts: CheckResult[] = await engine.course.check(
    version,
    plan.seed,
    pending.map((c) => ({ name: c.name, outputs: c.callIds.map((id) => byId.get(id)!.value!), tolerance: c.tolerance })),
  );
  pending.forEach((c, i) => {
    const verdict = verdicts[i]!;
    c.check = () => verdict;
  });
}

export async function gradeSubmission(engine: GradingEngine, version: CourseVersion, source: string, opts: GradeOptions = {}): Promise<GradeOutcome> {
  const { pool } = engine;
  const t0 = performance.now();
  const manifest = version.manifest;
  const maxScore = manifest.points;
  // esbuild compiles in its own process while the author sandbox plans.
  let compiledAt = t0;
  const compiling = compileSubmission(source).then((c) => {
    compiledAt = performance.now();
    return c;
  });
  // Awaited below; this only keeps a rejection that lands while planning from going unhandled.
  compiling.catch(() => undefined);
  const p0 = performance.now();
  const plan = opts.seed === undefined ? await engine.course.planFresh(version) : await engine.course.plan(version, opts.seed, opts.visibility ?? "all");
  const planMs = performance.now() - p0;
  const compiled = await compiling;
  const compileMs = compiledAt - t0;
  const t2 = performance.now();
  if (!compiled.ok) {
    const report = reportForCompileFailure(plan, compiled, { durationMs: Math.round(t2 - t0), ...(maxScore === undefined ? {} : { maxScore }) });
    return { report, timings: { compileMs, planMs, sandboxMs: 0, scoreMs: 0, totalMs: t2 - t0, cpuMs: 0 }, logs: [] };
  }
  const run = await pool.run({
    flavour: chooseFlavour(compiled.code, plan.calls, manifest.allow),
    code: compiled.code,
    calls: plan.calls,
    bans: manifest.bans,
    allow: manifest.allow,
    wallMs: manifest.limits.wallMs,
    memoryMb: manifest.limits.memoryMb,
  });
  const t3 = performance.now();
  // After a limit, results count only with the host's stop point (those of the calls before it).
  const realm = run.realm !== undefined && (run.outcome === "ok" || run.stoppedAt !== undefined) ? run.realm : { load: { ok: true as const }, results: [], logs: [] };
  if (realm.load.ok) await attachVerdicts(engine, version, plan, realm.results);
  const report = scoreGrading(plan, realm, {
    durationMs: Math.round(t3 - t0),
    sourceMap: compiled.sourceMap,
    outcome: run.outcome,
    ...(run.stoppedAt === undefined ? {} : { stoppedAt: run.stoppedAt }),
    limits: manifest.limits,
    testNames: version.testNames,
    ...(maxScore === undefined ? {} : { maxScore }),
  });
  // The report already says where the limit was hit (which call, or loading): nothing to add.
  const named = report.feedback?.some((p) => p.key === "stopped.inCall" || p.key === "stopped.loading") === true;
  if (run.outcome !== "ok" && !named) {
    const why = stopped(run.outcome, run.detail);
    const what = renderPart(why, "en");
    report.message = report.message ? `${what} ${report.message}` : what;
    report.feedback = [why, ...(report.feedback ?? [])];
  }
  const t4 = performance.now();
  report.durationMs = Math.round(t4 - t0);
  return {
    report,
    timings: { compileMs, planMs, sandboxMs: t3 - t2, scoreMs: t4 - t3, totalMs: t4 - t0, cpuMs: run.timings.cpuMs },
    ...(run.detail === undefined ? {} : { detail: run.detail }),
    logs: realm.logs,
    scored: { plan, realm, outcome: run.outcome },
  };
}

/**
 * The `grade` CLI document: the contract's keys, plus an optional structured `feedback` next to
 * each test's message. Submission-level messages (compile errors with line and column,
 * time/memory limits) are carried in the test messages.
 */
export function cliDocument(report: GradeReport, diagnoses?: readonly Diagnosis[]) {
  const extra = report.message;
  return {
    exerciseId: report.exerciseId,
    status: report.status,
    score: report.score,
    maxScore: report.maxScore,
    seed: report.seed,
    durationMs: report.durationMs,
    tests: report.tests.map((t) => {
      const withExtra = !t.passed && extra && t.message?.startsWith("Not run");
      const message = withExtra ? `${t.message} ${extra}` : t.message;
      const feedback: Feedback | undefined = !withExtra ? t.feedback : t.feedback && report.feedback ? [...t.feedback, ...report.feedback] : undefined;
      return {
        name: t.name,
        passed: t.passed,
        points: t.points,
        maxPoints: t.maxPoints,
        ...(message === undefined ? {} : { message }),
        // Optional extension: `message` as catalogue keys and parameters (renderFeedback(feedback, "en") === message).
        ...(message === undefined || feedback === undefined ? {} : { feedback }),
      };
    }),
    // Optional extension: what the failing tests' outputs have in common with a known mistake.
    ...(diagnoses === undefined || diagnoses.length === 0
      ? {}
      : { diagnoses: diagnoses.map((d) => ({ key: d.key, message: d.message, feedback: d.feedback, tests: d.tests, ...(d.mutant === undefined ? {} : { mutant: d.mutant }) })) }),
  };
}
