/**
 * Diagnoses of a failing submission, trusted side, from outputs alone: the known mistakes
 * (mutants) whose outputs the student's match on every failing test, else generic relations
 * between the student's outputs and the expected ones. Pure: the caller runs the mutants (in a
 * sandbox) on the failing tests' calls and passes their results in.
 */
import { z } from "zod";
import { compareWire } from "../compare-wire.ts";
import type { MutantHint } from "../hints.ts";
import { fb, FeedbackSchema, renderFeedback, type Feedback, type FeedbackPart } from "../messages/feedback.ts";
import type { GradingPlan, PlannedCase } from "../plan.ts";
import type { RealmCallResult, RealmResult, Wire } from "../realm/types.ts";
import { localizeTestName, type TestNames } from "../test-names.ts";
import { hasConstantSlice, inputMagnitude, inputShapes, numericLeaves } from "./leaves.ts";
import { relate } from "./relations.ts";

export const DiagnosisSchema = z.object({
  /** What fired: "mutant.<name>" or a generic catalogue key ("diagnosis.scaled"); instructors count these. */
  key: z.string().min(1).max(200),
  /** English rendering of `feedback`. */
  message: z.string().max(5000),
  feedback: FeedbackSchema,
  /** The failing tests it explains. */
  tests: z.array(z.string().max(500)).max(500),
  /** The mutant whose outputs matched (file name without .ts). */
  mutant: z.string().max(100).optional(),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;
export const DiagnosesSchema = z.array(DiagnosisSchema).max(50);

export interface MutantRun {
  name: string;
  hint: MutantHint | undefined;
  /** The mutant's results for (at least) the failing cases' calls; undefined when it could not run. */
  realm: RealmResult | undefined;
  /** Why the sandbox stopped unexpectedly while running it, when it did. */
  crash?: string;
}

export interface DiagnoseInput {
  plan: GradingPlan;
  /** The student's realm results (as scored). */
  student: RealmResult;
  /** Names of the tests the submission failed. */
  failing: readonly string[];
  mutants?: readonly MutantRun[];
  testNames?: TestNames;
  /** Why the sandbox stopped unexpectedly while running the submission (no results then). */
  crash?: string;
}

/** A case's call results in call order; undefined unless every call has one. */
function callResults(pc: PlannedCase, realm: RealmResult): RealmCallResult[] | undefined {
  const byId = new Map(realm.results.map((r) => [r.id, r]));
  const out = pc.callIds.map((id) => byId.get(id));
  return out.every((r) => r !== undefined) ? (out as RealmCallResult[]) : undefined;
}

/** Failing cases the student has a result for every call of: the only evidence diagnoses use. */
export function diagnosableCases(plan: GradingPlan, student: RealmResult, failing: readonly string[]): PlannedCase[] {
  const names = new Set(failing);
  return student.load.ok ? plan.cases.filter((pc) => names.has(pc.name) && callResults(pc, student) !== undefined) : [];
}

/** The calls a mutant must run to be compared on these cases. */
export function callsFor(plan: GradingPlan, cases: readonly PlannedCase[]): GradingPlan["calls"] {
  const ids = new Set(cases.flatMap((c) => c.callIds));
  return plan.calls.filter((c) => ids.has(c.id));
}

function sameResult(s: RealmCallResult, m: RealmCallResult, pc: PlannedCase): boolean {
  if (s.ok !== m.ok) return false;
  if (!s.ok || !m.ok) return !s.ok && !m.ok && s.error.name === m.error.name && s.error.message === m.error.message;
  // Both ways: a result with a field the other lacks is not the same result.
  const opts = { tolerance: pc.tolerance, reveal: false };
  return compareWire(s.value, m.value, opts).pass && compareWire(m.value, s.value, opts).pass;
}

/** Whether the mutant's results match the student's on every one of these cases. */
export function mutantMatches(cases: readonly PlannedCase[], student: RealmResult, mutant: RealmResult | undefined): boolean {
  if (mutant === undefined || !mutant.load.ok || cases.length === 0) return false;
  return cases.every((pc) => {
    const s = callResults(pc, student);
    const m = callResults(pc, mutant);
    return s !== undefined && m !== undefined && s.every((r, i) => sameResult(r, m[i]!, pc));
  });
}

interface Finding {
  part: FeedbackPart;
  test: string;
  scalar: boolean;
}

/** The leaves of a case's outputs against its expected value (one output per call). */
function caseLeaves(pc: PlannedCase, outputs: Wire[]) {
  const e = pc.expected;
  if (e === undefined) return [];
  if (outputs.length === 1) return numericLeaves(outputs[0]!, e);
  if (e.t !== "array" || e.items.length !== outputs.length) return [];
  return outputs.flatMap((o, i) => numericLeaves(o, e.items[i]!, `${pc.callLabels[i] ?? "call"} #${i + 1}`));
}

function hasNonFinite(w: Wire): boolean {
  switch (w.t) {
    case "tensor":
      return w.dtype === "float32" && w.data.some((x) => !Number.isFinite(x));
    case "number":
      return !Number.isFinite(w.v);
    case "array":
      return w.items.some(hasNonFinite);
    case "object":
      return Object.values(w.entries).some(hasNonFinite);
    default:
      return false;
  }
}

const LARGE_INPUT = 100;

/** Where NaN/Inf appear, and whether only on one kind of input (large magnitudes, constant rows). */
function nonFinite(plan: GradingPlan, cases: readonly PlannedCase[], student: RealmResult, testNames: TestNames | undefined): Finding | undefined {
  const outputsOf = (pc: PlannedCase): Wire[] | undefined => {
    const r = callResults(pc, student);
    return r === undefined || !r.every((x) => x.ok) ? undefined : r.map((x) => (x as { value: Wire }).value);
  };
  const bad = cases.filter((pc) => {
    const o = outputsOf(pc);
    return o !== undefined && pc.expected !== undefined && o.some(hasNonFinite) && !hasNonFinite(pc.expected);
  });
  const first = bad[0];
  if (first === undefined) return undefined;
  const fine = plan.cases.filter((pc) => {
    const o = outputsOf(pc);
    return o !== undefined && !o.some(hasNonFinite);
  });
  const only = (kind: (pc: PlannedCase) => boolean): boolean => bad.every(kind) && fine.length > 0 && !fine.some(kind);
  const inputs = only((pc) => inputMagnitude(pc.inputs) >= LARGE_INPUT) ? "large" : only((pc) => hasConstantSlice(pc.inputs)) ? "constantSlice" : "any";
  const firstZh = localizeTestName(testNames, first.name, "zh-CN");
  return {
    part: fb("diagnosis.nonFinite", { tests: bad.length, first: first.name, ...(firstZh === first.name ? {} : { firstZh }), inputs }),
    test: first.name,
    scalar: false,
  };
}

/** Generic relations, grouped by what they say; one-number evidence needs two tests that agree. */
function generic(plan: GradingPlan, cases: readonly PlannedCase[], student: RealmResult, testNames: TestNames | undefined): Diagnosis[] {
  const groups = new Map<string, { part: FeedbackPart; tests: string[]; strong: boolean }>();
  const add = (f: Finding, group: string): void => {
    const g = groups.get(group) ?? { part: f.part, tests: [], strong: false };
    if (!g.tests.includes(f.test)) g.tests.push(f.test);
    g.strong ||= !f.scalar;
    groups.set(group, g);
  };
  for (const pc of cases) {
    const r = callResults(pc, student);
    if (r === undefined || !r.every((x) => x.ok)) continue;
    const outputs = r.map((x) => (x as { value: Wire }).value);
    const shapes = inputShapes(pc.inputs);
    for (const leaf of caseLeaves(pc, outputs)) {
      const part = relate(leaf, pc.tolerance, shapes);
      if (part === undefined) continue;
      const factorKind = part.key === "diagnosis.scaled" ? part.params.factor.kind : "";
      add({ part, test: pc.name, scalar: leaf.scalar }, `${part.key}|${part.label ?? ""}|${factorKind}|${part.key === "diagnosis.scaled" ? "" : JSON.stringify(part.params)}`);
    }
  }
  const nf = nonFinite(plan, cases, student, testNames);
  if (nf !== undefined) add(nf, "nonFinite");
  // One explanation: the relation that holds on the most failing tests, and on at least half of
  // them (a relation seen on one odd edge case alone is a coincidence more often than a cause).
  const kept = [...groups.values()].filter((g) => g.strong || g.tests.length >= 2);
  const most = Math.max(0, ...kept.map((g) => g.tests.length));
  if (most * 2 < cases.length) return [];
  return kept
    .filter((g) => g.tests.length === most)
    .map((g) => ({ key: g.part.key, message: renderFeedback([g.part], "en"), feedback: [g.part], tests: g.tests }));
}

function hintDiagnosis(m: MutantRun & { hint: MutantHint }, tests: string[]): Diagnosis {
  const feedback: Feedback = [fb("diagnosis.hint", { mutant: m.name, en: m.hint.en, "zh-CN": m.hint["zh-CN"] })];
  return { key: `mutant.${m.name}`, message: renderFeedback(feedback, "en"), feedback, tests, mutant: m.name };
}

/**
 * The diagnoses of a graded submission. Known mistakes first: every mutant (with a hint) whose
 * results match the student's on all the failing tests; only when none does, generic relations.
 * A submission that failed nothing, or whose failing tests have no results, gets none.
 */
export function diagnose(input: DiagnoseInput): Diagnosis[] {
  const { student } = input;
  if (input.crash !== undefined) {
    // No results to compare: a mutant that brings the sandbox down the same way is the same mistake.
    const same = (input.mutants ?? []).filter((m): m is MutantRun & { hint: MutantHint } => m.hint !== undefined && m.crash === input.crash);
    return same.slice(0, 1).map((m) => hintDiagnosis(m, [...input.failing]));
  }
  if (!student.load.ok) {
    // A module that threw while loading: a mutant that throws the same thing is the same mistake.
    const thrown = student.load.error;
    const same = (input.mutants ?? []).filter(
      (m): m is MutantRun & { hint: MutantHint } =>
        m.hint !== undefined && m.realm !== undefined && !m.realm.load.ok && m.realm.load.error.name === thrown.name && m.realm.load.error.message === thrown.message,
    );
    return same.slice(0, 1).map((m) => hintDiagnosis(m, input.plan.cases.map((c) => c.name)));
  }
  const cases = diagnosableCases(input.plan, input.student, input.failing);
  if (cases.length === 0) return [];
  const tests = cases.map((c) => c.name);
  const seen = new Set<string>();
  const hinted = (input.mutants ?? [])
    .filter((m): m is MutantRun & { hint: MutantHint } => m.hint !== undefined && mutantMatches(cases, input.student, m.realm))
    // Two mutants making the same mistake in different code share a hint: say it once.
    .filter((m) => !seen.has(m.hint.en) && seen.add(m.hint.en) !== undefined)
    .map((m) => hintDiagnosis(m, tests));
  if (hinted.length > 0) return hinted;
  return generic(input.plan, cases, input.student, input.testNames);
}
