/** planGrading: draw inputs for a seed, compute expected values (trusted side), list the calls. */
import * as tf from "@tensorflow/tfjs";
import { createRng } from "@course/model-kit";
import type { Call, CheckFn, Hostify } from "./define-tests.ts";
import type { ExerciseManifest, Tolerance } from "./manifest.ts";
import type { SandboxCall, Wire } from "./realm/types.ts";
import type { ResolvedCase, TestSuite } from "./define-tests.ts";
import type { DomainVerdict } from "./domain.ts";
import { toWire } from "./wire.ts";
import { useCpuBackend } from "./backend.ts";

export type Visibility = "hidden" | "public" | "all";

export interface PlannedCase {
  name: string;
  kind: "random" | "edge";
  points: number;
  visibility: "public" | "hidden";
  callIds: string[];
  /** Human-readable call descriptions, for messages ("denseForward", "test harness"). */
  callLabels: string[];
  /** Trusted side only. */
  expected: Wire | undefined;
  tolerance: Tolerance;
  throws?: string;
  check?: CheckFn<unknown>;
  /** Inputs as checks see them (tensors as WireTensor). Trusted side only. */
  inputs: unknown;
  /**
   * What the drawn inputs violate of the declared domain (absent when they lie inside it or no
   * domain is declared). A defect of the test, reported by the exercise check.
   */
  domainProblem?: string;
  /** Whether the suite or the case declares a domain at all (the check requires one). */
  domainDeclared?: boolean;
}

export interface GradingPlan {
  exerciseId: string;
  seed: number;
  visibility: Visibility;
  calls: SandboxCall[];
  cases: PlannedCase[];
}

export interface PlanSource {
  manifest: ExerciseManifest;
  tests: TestSuite;
}

/** Tensors → WireTensor, recursively (what a check sees as `inputs`). */
export function hostify<T>(value: T): Hostify<T> {
  if (value instanceof tf.Tensor) return toWire(value) as Hostify<T>;
  if (Array.isArray(value)) return value.map(hostify) as Hostify<T>;
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostify(v)])) as Hostify<T>;
  }
  return value as Hostify<T>;
}

/** Run fn and dispose every tensor it created (its result must not hold tensors). */
function withScope<T>(fn: () => T): T {
  tf.engine().startScope();
  try {
    return fn();
  } finally {
    tf.engine().endScope();
  }
}

/** One call of a case as planned, before its arguments are converted for the sandbox. */
export interface RawCall {
  id: string;
  call: Call;
}

/** A case's calls, ids and labels for its inputs (raw: arguments are still live values). */
export function caseCalls(c: ResolvedCase, index: number, inputs: unknown): { calls: RawCall[]; labels: string[] } {
  const run = c.run(inputs);
  const list = Array.isArray(run) ? run : [run];
  return {
    calls: list.map((call, j) => ({ id: `${index}.${j}`, call })),
    labels: list.map((l) => (l.kind === "export" ? l.export : "the test harness")),
  };
}

/** The cases of a suite a plan for `visibility` holds, with their index in the suite. */
export function casesFor(tests: TestSuite, visibility: Visibility): { c: ResolvedCase; index: number }[] {
  return tests.cases.flatMap((c, index) => (visibility === "all" || c.visibility === visibility ? [{ c, index }] : []));
}

function toSandboxCall({ id, call: c }: RawCall): SandboxCall {
  const args = c.args.map((a) => toWire(a));
  return c.kind === "export" ? { id, kind: "export", export: c.export, args } : { id, kind: "harness", source: c.source, args };
}

/** A domain's verdict on drawn inputs; a domain function that throws is itself the problem. */
export function domainVerdict(domain: ((inputs: unknown) => DomainVerdict) | undefined, inputs: unknown): DomainVerdict {
  if (domain === undefined) return true;
  try {
    const v = domain(inputs);
    return v === true || (typeof v === "string" && v !== "") ? v : `the domain returned ${JSON.stringify(v)} (expected true or a description)`;
  } catch (e) {
    return `the domain check threw: ${(e as Error).message}`;
  }
}

export function planGrading(exercise: PlanSource, options: { seed: number; visibility: Visibility }): GradingPlan {
  const { seed, visibility } = options;
  useCpuBackend();
  const root = createRng(seed);
  const calls: SandboxCall[] = [];
  const cases: PlannedCase[] = [];
  for (const { c, index } of casesFor(exercise.tests, visibility)) {
    const tolerance = { ...exercise.manifest.tolerance, ...c.tolerance };
    const rng = root.fork(c.name);
    const planned = withScope(() => {
      const inputs = c.inputs(rng);
      const verdict = domainVerdict(c.domain, inputs);
      const { calls: raw, labels } = caseCalls(c, index, inputs);
      const expected = c.expected === undefined ? undefined : toWire(c.expected(inputs));
      return { sandboxCalls: raw.map(toSandboxCall), expected, labels, host: hostify(inputs), verdict };
    });
    calls.push(...planned.sandboxCalls);
    const pc: PlannedCase = {
      name: c.name,
      kind: c.kind,
      points: c.points,
      visibility: c.visibility,
      callIds: planned.sandboxCalls.map((s) => s.id),
      callLabels: planned.labels,
      expected: planned.expected,
      tolerance,
      inputs: planned.host,
      domainDeclared: c.domain !== undefined,
    };
    if (c.throws !== undefined) pc.throws = c.throws;
    if (c.check !== undefined) pc.check = c.check;
    if (planned.verdict !== true) pc.domainProblem = planned.verdict;
    cases.push(pc);
  }
  return { exerciseId: exercise.manifest.id, seed, visibility, calls, cases };
}
