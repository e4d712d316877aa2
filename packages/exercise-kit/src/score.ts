/** scoreGrading: compare realm outputs with the plan's expected values → GradeReport. */
import type { CheckResult } from "./define-tests.ts";
import { compareWire } from "./compare-wire.ts";
import type { CompileResult } from "./compile.ts";
import type { GradingPlan, PlannedCase } from "./plan.ts";
import type { RealmCallResult, RealmError, RealmResult, Wire } from "./realm/types.ts";
import { RealmResultSchema, type GradeReport, type GradeStatus, type TestReport } from "./report.ts";
import { originalPosition } from "./sourcemap.ts";

export interface ScoreMeta {
  durationMs?: number;
  /** From compileSubmission: maps error lines back to the student's TypeScript. */
  sourceMap?: string;
  /** What the sandbox reported besides results (grader side). */
  outcome?: "ok" | "timeout" | "memory_limit" | "crashed";
  /** Scale the total to this many points (manifest `points`). */
  maxScore?: number;
}

function where(e: RealmError, sourceMap: string | undefined): string {
  if (e.line === undefined) return "";
  const pos = sourceMap === undefined ? undefined : originalPosition(sourceMap, { line: e.line, column: e.column ?? 1 });
  return pos === undefined ? ` (compiled line ${e.line})` : ` (line ${pos.line}, column ${pos.column})`;
}

export function describeRealmError(e: RealmError, sourceMap: string | undefined): string {
  return `${e.name}: ${e.message}${where(e, sourceMap)}`;
}

function runCheck(pc: PlannedCase, outputs: Wire[], reveal: boolean): CheckResult {
  const defaultCheck = (): CheckResult => {
    if (pc.expected === undefined) return { pass: false, message: "This case has no expected value." };
    if (outputs.length === 1) return compareWire(outputs[0]!, pc.expected, { tolerance: pc.tolerance, reveal });
    const exp = pc.expected;
    if (exp.t !== "array" || exp.items.length !== outputs.length) return { pass: false, message: "Test definition error: expected one value per call." };
    for (let i = 0; i < outputs.length; i++) {
      const r = compareWire(outputs[i]!, exp.items[i]!, { tolerance: pc.tolerance, reveal, label: `${pc.callLabels[i] ?? "call"} #${i + 1}` });
      if (!r.pass) return r;
    }
    return { pass: true, message: "All outputs match." };
  };
  if (pc.check === undefined) return defaultCheck();
  try {
    return pc.check({
      outputs,
      expected: pc.expected,
      inputs: pc.inputs,
      tolerance: pc.tolerance,
      reveal,
      compare: (a, e, o) => compareWire(a, e, { tolerance: { ...pc.tolerance, ...o?.tolerance }, reveal, ...(o?.label === undefined ? {} : { label: o.label }) }),
      defaultCheck,
    });
  } catch (e) {
    return { pass: false, message: `Your output could not be checked: ${(e as Error).message}` };
  }
}

/** Score one planned case from the realm's results for its calls. */
export function scoreCase(pc: PlannedCase, byId: Map<string, RealmCallResult>, reveal: boolean, sourceMap: string | undefined, missing: string): CheckResult {
  const outputs: Wire[] = [];
  for (let i = 0; i < pc.callIds.length; i++) {
    const r = byId.get(pc.callIds[i]!);
    const label = pc.callLabels[i] ?? "call";
    if (r === undefined) return { pass: false, message: missing };
    if (!r.ok) {
      if (pc.throws !== undefined) {
        return r.error.name === pc.throws
          ? { pass: true, message: `${label} threw a ${pc.throws} as required.` }
          : { pass: false, message: `${label} should throw a ${pc.throws}; it threw ${describeRealmError(r.error, sourceMap)}` };
      }
      const prefix = r.error.name === "OutputError" ? "" : `${label} threw `;
      return { pass: false, message: prefix + describeRealmError(r.error, sourceMap) };
    }
    outputs.push(r.value);
  }
  if (pc.throws !== undefined) return { pass: false, message: `${pc.callLabels[0] ?? "The call"} should throw a ${pc.throws}, but it returned normally.` };
  return runCheck(pc, outputs, reveal);
}

function totals(plan: GradingPlan, tests: TestReport[], maxScore: number | undefined): { score: number; maxScore: number } {
  const raw = plan.cases.reduce((s, c) => s + c.points, 0);
  const got = tests.reduce((s, t) => s + t.points, 0);
  if (maxScore === undefined || raw === 0) return { score: got, maxScore: raw };
  return { score: Math.round((got / raw) * maxScore * 100) / 100, maxScore };
}

function failAll(plan: GradingPlan, message: string): TestReport[] {
  return plan.cases.map((c) => ({ name: c.name, passed: false, points: 0, maxPoints: c.points, message, visibility: c.visibility }));
}

/** A report for a submission that never ran (compile error or rejected import). */
export function reportForCompileFailure(plan: GradingPlan, compiled: Extract<CompileResult, { ok: false }>, meta: ScoreMeta = {}): GradeReport {
  const first = compiled.errors.map((e) => `line ${e.line}, column ${e.column}: ${e.message}`).join("\n");
  const status: GradeStatus = compiled.kind === "rejected" ? "rejected" : "compile_error";
  const message = status === "rejected" ? `Submission rejected. ${first}` : `Your code did not compile. ${first}`;
  return {
    exerciseId: plan.exerciseId,
    status,
    ...totals(plan, [], meta.maxScore),
    score: 0,
    seed: plan.seed,
    durationMs: meta.durationMs ?? 0,
    tests: failAll(plan, status === "rejected" ? "Not run: the submission was rejected." : "Not run: the submission did not compile."),
    message,
  };
}

export function scoreGrading(plan: GradingPlan, realmResult: unknown, meta: ScoreMeta = {}): GradeReport {
  const base = { exerciseId: plan.exerciseId, seed: plan.seed, durationMs: meta.durationMs ?? 0 };
  const parsed = RealmResultSchema.safeParse(realmResult);
  if (!parsed.success) {
    const message = `The sandbox returned results that could not be read: ${parsed.error.issues[0]?.message ?? "invalid"}`;
    return { ...base, status: "runtime_error", ...totals(plan, [], meta.maxScore), score: 0, tests: failAll(plan, message), message };
  }
  const realm = parsed.data as RealmResult;
  const outcome = meta.outcome ?? "ok";
  if (!realm.load.ok) {
    const message = `Your module threw while loading: ${describeRealmError(realm.load.error, meta.sourceMap)}`;
    const status: GradeStatus = outcome === "timeout" ? "timeout" : outcome === "memory_limit" ? "memory_limit" : "runtime_error";
    return { ...base, status, ...totals(plan, [], meta.maxScore), score: 0, tests: failAll(plan, message), message };
  }
  const byId = new Map(realm.results.map((r) => [r.id, r]));
  const missing =
    outcome === "timeout"
      ? "Not run: the time limit was reached before this test."
      : outcome === "memory_limit"
        ? "Not run: the memory limit was reached before this test."
        : outcome === "crashed"
          ? "Not run: the sandbox crashed before this test."
          : "Not run: no result for this test.";
  const tests: TestReport[] = plan.cases.map((pc) => {
    const r = scoreCase(pc, byId, pc.visibility === "public", meta.sourceMap, missing);
    return { name: pc.name, passed: r.pass, points: r.pass ? pc.points : 0, maxPoints: pc.points, message: r.message, visibility: pc.visibility };
  });
  const status: GradeStatus =
    outcome === "timeout" ? "timeout" : outcome === "memory_limit" ? "memory_limit" : outcome === "crashed" ? "runtime_error" : tests.every((t) => t.passed) ? "passed" : "failed";
  return { ...base, status, ...totals(plan, tests, meta.maxScore), tests };
}
