/** scoreGrading: compare realm outputs with the plan's expected values → GradeReport. */
import { feedbackOf, type CheckResult } from "./define-tests.ts";
import { runCheck } from "./check-case.ts";
import type { CompileResult } from "./compile.ts";
import { fb, fromFeedback, renderFeedback, renderPart, type Feedback, type FeedbackPart } from "./messages/feedback.ts";
import type { RealmErrorParam } from "./messages/params.ts";
import type { GradingPlan, PlannedCase } from "./plan.ts";
import type { RealmCallResult, RealmError, RealmResult, Wire } from "./realm/types.ts";
import { RealmResultSchema, type GradeReport, type GradeStatus, type TestReport } from "./report.ts";
import { originalPosition } from "./sourcemap.ts";
import { localizeTestName, type TestNames } from "./test-names.ts";

/**
 * Where a sandbox stopped a submission at its time or memory limit, as the host recorded it
 * outside the realm: while the module was loading, while a planned call was running (results of
 * the calls before it are complete), or after the last call had returned.
 */
export type StopPoint = { phase: "load" } | { phase: "call"; callId: string } | { phase: "end" };

export interface ScoreMeta {
  durationMs?: number;
  /** From compileSubmission: maps error lines back to the student's TypeScript. */
  sourceMap?: string;
  /** What the sandbox reported besides results (grader side). */
  outcome?: "ok" | "timeout" | "memory_limit" | "crashed";
  /** Scale the total to this many points (manifest `points`). */
  maxScore?: number;
  /**
   * With outcome "timeout" or "memory_limit": where the sandbox stopped the submission. Results
   * are then accepted only for the calls planned before that point, in order (the realm result
   * must hold exactly those); the test whose call was running fails naming it, later tests are
   * not run. Without it every test without a result is "not run".
   */
  stoppedAt?: StopPoint;
  /** The limits the sandbox enforced (manifest `limits`), quoted in those messages. */
  limits?: { wallMs?: number; memoryMb?: number };
  /** Translated case names, so a message naming a test reads right in Chinese. */
  testNames?: TestNames;
}

/** A realm error with its line mapped back to the student's TypeScript where possible. */
export function realmErrorParam(e: RealmError, sourceMap: string | undefined): RealmErrorParam {
  const out: RealmErrorParam = { name: e.name, message: e.message };
  if (e.line === undefined) return out;
  const pos = sourceMap === undefined ? undefined : originalPosition(sourceMap, { line: e.line, column: e.column ?? 1 });
  return pos === undefined ? { ...out, line: e.line, compiled: true } : { ...out, line: pos.line, column: pos.column };
}

export function describeRealmError(e: RealmError, sourceMap: string | undefined): string {
  return renderPart(fb("case.outputError", { error: realmErrorParam(e, sourceMap) }), "en");
}

const one = (pass: boolean, part: FeedbackPart): CheckResult => fromFeedback(pass, [part]);

/** Score one planned case from the realm's results for its calls. */
export function scoreCase(pc: PlannedCase, byId: Map<string, RealmCallResult>, reveal: boolean, sourceMap: string | undefined, missing: FeedbackPart): CheckResult {
  const outputs: Wire[] = [];
  for (let i = 0; i < pc.callIds.length; i++) {
    const r = byId.get(pc.callIds[i]!);
    const label = pc.callLabels[i] ?? "call";
    if (r === undefined) return one(false, missing);
    if (!r.ok) {
      const error = realmErrorParam(r.error, sourceMap);
      if (pc.throws !== undefined) {
        return r.error.name === pc.throws
          ? one(true, fb("case.threwAsRequired", { call: label, name: pc.throws }))
          : one(false, fb("case.threwWrong", { call: label, name: pc.throws, error }));
      }
      return one(false, r.error.name === "OutputError" ? fb("case.outputError", { error }) : fb("case.threw", { call: label, error }));
    }
    outputs.push(r.value);
  }
  if (pc.throws !== undefined) {
    const call = pc.callLabels[0];
    return one(false, fb("case.returnedNormally", { ...(call === undefined ? {} : { call }), name: pc.throws }));
  }
  return runCheck(pc, outputs, reveal);
}

function totals(plan: GradingPlan, tests: TestReport[], maxScore: number | undefined): { score: number; maxScore: number } {
  const raw = plan.cases.reduce((s, c) => s + c.points, 0);
  const got = tests.reduce((s, t) => s + t.points, 0);
  if (maxScore === undefined || raw === 0) return { score: got, maxScore: raw };
  return { score: Math.round((got / raw) * maxScore * 100) / 100, maxScore };
}

function failAll(plan: GradingPlan, why: FeedbackPart): TestReport[] {
  const feedback: Feedback = [why];
  const message = renderFeedback(feedback, "en");
  return plan.cases.map((c) => ({ name: c.name, passed: false, points: 0, maxPoints: c.points, message, feedback, visibility: c.visibility }));
}

/** A report for a submission that never ran (compile error or rejected import). */
export function reportForCompileFailure(plan: GradingPlan, compiled: Extract<CompileResult, { ok: false }>, meta: ScoreMeta = {}): GradeReport {
  const errors = compiled.errors.map((e) => ({ line: e.line, column: e.column, message: e.message, ...(e.feedback === undefined ? {} : { reason: e.feedback }) }));
  const status: GradeStatus = compiled.kind === "rejected" ? "rejected" : "compile_error";
  const feedback: Feedback = [status === "rejected" ? fb("submission.rejected", { errors }) : fb("submission.compileError", { errors })];
  return {
    exerciseId: plan.exerciseId,
    status,
    ...totals(plan, [], meta.maxScore),
    score: 0,
    seed: plan.seed,
    durationMs: meta.durationMs ?? 0,
    tests: failAll(plan, status === "rejected" ? fb("notRun.rejected", {}) : fb("notRun.compileError", {})),
    message: renderFeedback(feedback, "en"),
    feedback,
  };
}

const MISSING: Record<NonNullable<ScoreMeta["outcome"]>, FeedbackPart> = {
  ok: fb("notRun.noResult", {}),
  timeout: fb("notRun.timeout", {}),
  memory_limit: fb("notRun.memory", {}),
  crashed: fb("notRun.crashed", {}),
};

/** The realm's results if they are exactly the first `n` planned calls' results, in plan order. */
function planPrefix(plan: GradingPlan, results: readonly RealmCallResult[], n: number): RealmCallResult[] | undefined {
  if (results.length !== n) return undefined;
  for (let i = 0; i < n; i++) if (results[i]!.id !== plan.calls[i]!.id) return undefined;
  return [...results];
}

type Limited = "timeout" | "memory_limit";

/** A report for a submission stopped at a limit at a known point; undefined when the point does not fit the plan. */
function scoreStopped(plan: GradingPlan, realm: RealmResult, meta: ScoreMeta, outcome: Limited, stop: StopPoint): GradeReport | undefined {
  const base = { exerciseId: plan.exerciseId, seed: plan.seed, durationMs: meta.durationMs ?? 0, status: outcome };
  const amount = outcome === "timeout" ? meta.limits?.wallMs : meta.limits?.memoryMb;
  const limit = { kind: outcome === "timeout" ? ("time" as const) : ("memory" as const), ...(amount === undefined ? {} : { amount: Math.round(amount) }) };
  if (stop.phase === "load") {
    const why = fb("stopped.loading", { limit });
    return { ...base, ...totals(plan, [], meta.maxScore), score: 0, tests: failAll(plan, why), message: renderPart(why, "en"), feedback: [why] };
  }
  const stopIndex = stop.phase === "end" ? plan.calls.length : plan.calls.findIndex((c) => c.id === stop.callId);
  if (stopIndex < 0) return undefined;
  const accepted = realm.load.ok ? planPrefix(plan, realm.results, stopIndex) : undefined;
  if (accepted === undefined) return undefined;
  const byId = new Map(accepted.map((r) => [r.id, r]));
  const order = new Map(plan.calls.map((c, i) => [c.id, i]));
  const hungId = stop.phase === "call" ? stop.callId : undefined;
  let stopped: FeedbackPart | undefined;
  const earlier = fb(outcome === "timeout" ? "notRun.timeoutEarlier" : "notRun.memoryEarlier", {});
  const tests: TestReport[] = plan.cases.map((pc) => {
    let r: CheckResult;
    const hungAt = hungId === undefined ? -1 : pc.callIds.indexOf(hungId);
    if (hungAt >= 0) {
      const testZh = localizeTestName(meta.testNames, pc.name, "zh-CN");
      stopped = fb("stopped.inCall", { limit, call: pc.callLabels[hungAt] ?? "call", test: pc.name, ...(testZh === pc.name ? {} : { testZh }) });
      r = one(false, stopped);
    } else if (pc.callIds.every((id) => byId.has(id))) {
      r = scoreCase(pc, byId, pc.visibility === "public", meta.sourceMap, MISSING[outcome]);
    } else {
      // Calls after the one that was running never started.
      r = one(false, pc.callIds.some((id) => (order.get(id) ?? -1) > stopIndex) ? earlier : MISSING[outcome]);
    }
    return { name: pc.name, passed: r.pass, points: r.pass ? pc.points : 0, maxPoints: pc.points, message: r.message, feedback: feedbackOf(r), visibility: pc.visibility };
  });
  const report: GradeReport = { ...base, ...totals(plan, tests, meta.maxScore), tests };
  if (stopped !== undefined) {
    report.message = renderPart(stopped, "en");
    report.feedback = [stopped];
  }
  return report;
}

export function scoreGrading(plan: GradingPlan, realmResult: unknown, meta: ScoreMeta = {}): GradeReport {
  const base = { exerciseId: plan.exerciseId, seed: plan.seed, durationMs: meta.durationMs ?? 0 };
  const parsed = RealmResultSchema.safeParse(realmResult);
  if (!parsed.success) {
    const why = fb("submission.unreadable", { issue: parsed.error.issues[0]?.message ?? "invalid" });
    const message = renderPart(why, "en");
    return { ...base, status: "runtime_error", ...totals(plan, [], meta.maxScore), score: 0, tests: failAll(plan, why), message, feedback: [why] };
  }
  const realm = parsed.data as RealmResult;
  const outcome = meta.outcome ?? "ok";
  if ((outcome === "timeout" || outcome === "memory_limit") && meta.stoppedAt !== undefined) {
    const stopped = scoreStopped(plan, realm, meta, outcome, meta.stoppedAt);
    if (stopped !== undefined) return stopped;
    // A stop point that does not fit the plan, or results that are not exactly the calls before
    // it: trust none of them.
    return scoreGrading(plan, { load: { ok: true }, results: [], logs: realm.logs }, { ...meta, stoppedAt: undefined });
  }
  if (!realm.load.ok) {
    const why = fb("submission.loadFailed", { error: realmErrorParam(realm.load.error, meta.sourceMap) });
    const message = renderPart(why, "en");
    const status: GradeStatus = outcome === "timeout" ? "timeout" : outcome === "memory_limit" ? "memory_limit" : "runtime_error";
    return { ...base, status, ...totals(plan, [], meta.maxScore), score: 0, tests: failAll(plan, why), message, feedback: [why] };
  }
  const byId = new Map(realm.results.map((r) => [r.id, r]));
  const tests: TestReport[] = plan.cases.map((pc) => {
    const r = scoreCase(pc, byId, pc.visibility === "public", meta.sourceMap, MISSING[outcome]);
    return { name: pc.name, passed: r.pass, points: r.pass ? pc.points : 0, maxPoints: pc.points, message: r.message, feedback: feedbackOf(r), visibility: pc.visibility };
  });
  const status: GradeStatus =
    outcome === "timeout" ? "timeout" : outcome === "memory_limit" ? "memory_limit" : outcome === "crashed" ? "runtime_error" : tests.every((t) => t.passed) ? "passed" : "failed";
  return { ...base, status, ...totals(plan, tests, meta.maxScore), tests };
}
