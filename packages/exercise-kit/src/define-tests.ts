/**
 * The test-case API exercise authors write `tests.ts` with (trusted side only).
 *
 *   export default defineTests<Inputs>({
 *     run: (i) => call("denseForward", i.x, i.w, i.b),
 *     expected: (i) => reference.denseForward(i.x, i.w, i.b),
 *     cases: [
 *       randomCase("small batch", (rng) => ({ ... }), { points: 2, visibility: "public" }),
 *       edgeCase("N = 1", () => ({ ... })),
 *     ],
 *   });
 *
 * Every case gets its own Rng forked from the grading seed by the case name, so a grading is
 * reproducible from its seed and adding a case does not change the others' inputs.
 */
import type * as tf from "@tensorflow/tfjs";
import type { Rng } from "@course/model-kit";
import type { DomainVerdict } from "./domain.ts";
import type { Tolerance } from "./manifest.ts";
import { untranslated, type Feedback } from "./messages/feedback.ts";
import type { Wire, WireTensor } from "./realm/types.ts";

/** One call into the sandbox: a student export, or public harness code run next to it. */
export type Call =
  | { kind: "export"; export: string; args: unknown[] }
  | {
      kind: "harness";
      /** JS source of `async (mod, tf, ...args) => value`. Public test code: never put expected values in it. */
      source: string;
      args: unknown[];
    };

export function call(exportName: string, ...args: unknown[]): Call {
  return { kind: "export", export: exportName, args };
}

export function harness(source: string, ...args: unknown[]): Call {
  return { kind: "harness", source, args };
}

export interface CheckResult {
  pass: boolean;
  /** English, exactly as the `grade` CLI shows it. */
  message: string;
  /**
   * The same message, structured, so the web app can show it in the student's language. Build
   * results with `fromFeedback(pass, [localText({ en, "zh-CN" })])` (or return what `compare`
   * gave); a result without it is shown in English everywhere and check-exercise reports it.
   */
  feedback?: Feedback;
}

/** A result's structured feedback (its English message, untranslated, when it has none). */
export function feedbackOf(r: CheckResult): Feedback {
  return r.feedback ?? [untranslated(r.message)];
}

/** Inputs as a check sees them: tensors become WireTensor (shape, dtype, data). */
export type Hostify<T> = T extends tf.Tensor
  ? WireTensor
  : T extends readonly (infer U)[]
    ? Hostify<U>[]
    : T extends (...args: never[]) => unknown
      ? T
      : T extends object
        ? { [K in keyof T]: Hostify<T[K]> }
        : T;

export interface CheckContext<I> {
  /** One value per call of the case, in order. */
  outputs: Wire[];
  /** The trusted expected value (undefined when the case has no `expected`). */
  expected: Wire | undefined;
  inputs: Hostify<I>;
  tolerance: Tolerance;
  /** True for public cases: messages may show numbers; hidden cases must not. */
  reveal: boolean;
  /** Compare a value with an expected one (shape, dtype, tolerance) and explain the difference. */
  compare(actual: Wire, expected: Wire, options?: { tolerance?: Partial<Tolerance>; label?: string }): CheckResult;
  /** The default check: every output against `expected`. */
  defaultCheck(): CheckResult;
}

export type CheckFn<I> = (ctx: CheckContext<I>) => CheckResult;

export interface CaseOptions<I> {
  points?: number;
  visibility?: "public" | "hidden";
  tolerance?: Partial<Tolerance>;
  // Method syntax on purpose: a case drawn with narrower inputs (e.g. a required mask) still fits
  // a suite whose Inputs type has the field optional.
  run?(inputs: I): Call | Call[];
  expected?(inputs: I): unknown;
  /** Hidden cases only: the browser pre-check can only run the default comparison. */
  check?(ctx: CheckContext<I>): CheckResult;
  /** The call must throw an error of this name (e.g. "RangeError"). */
  throws?: string;
  /**
   * A narrower domain for this case, checked as well as the suite's (e.g. a case that draws
   * deliberately invalid arguments to test a RangeError declares what it needs instead).
   */
  domain?(inputs: I): DomainVerdict;
  /** This case deliberately lies outside the suite's domain (it tests the error path): only its own domain applies. */
  outsideSuiteDomain?: boolean;
}

export interface CaseDef<I> extends CaseOptions<I> {
  name: string;
  kind: "random" | "edge";
  inputs(rng: Rng): I;
}

export interface SuiteDef<I> {
  run: (inputs: I) => Call | Call[];
  expected?: (inputs: I) => unknown;
  check?: CheckFn<I>;
  tolerance?: Partial<Tolerance>;
  /**
   * The exercise's input domain (COURSE.md): true when the drawn inputs are valid arguments,
   * otherwise what is violated. Evaluated on every case's inputs when a grading is planned.
   */
  domain?: (inputs: I) => DomainVerdict;
  cases: CaseDef<I>[];
}

export interface ResolvedCase {
  name: string;
  kind: "random" | "edge";
  points: number;
  visibility: "public" | "hidden";
  tolerance?: Partial<Tolerance>;
  inputs: (rng: Rng) => unknown;
  run: (inputs: unknown) => Call | Call[];
  expected?: (inputs: unknown) => unknown;
  check?: CheckFn<unknown>;
  throws?: string;
  /** The suite's and the case's domain together (absent when neither declares one). */
  domain?: (inputs: unknown) => DomainVerdict;
}

export interface TestSuite {
  readonly kind: "course-test-suite";
  readonly cases: readonly ResolvedCase[];
}

/** A case whose inputs are drawn from the seeded Rng. */
export function randomCase<I>(name: string, inputs: (rng: Rng) => I, options: CaseOptions<NoInfer<I>> = {}): CaseDef<I> {
  return { name, kind: "random", inputs, ...options };
}

/** A fixed edge case (same inputs every grading; the Rng may still be used for filler values). */
export function edgeCase<I>(name: string, inputs: (rng: Rng) => I, options: CaseOptions<NoInfer<I>> = {}): CaseDef<I> {
  return { name, kind: "edge", inputs, ...options };
}

export function defineTests<I>(suite: SuiteDef<I>): TestSuite {
  const names = new Set<string>();
  const cases: ResolvedCase[] = suite.cases.map((c) => {
    if (names.has(c.name)) throw new Error(`duplicate test case name "${c.name}"`);
    names.add(c.name);
    const points = c.points ?? 1;
    if (!(points > 0) || !Number.isFinite(points)) throw new Error(`case "${c.name}": points must be positive`);
    const visibility = c.visibility ?? "hidden";
    const check = c.check ?? suite.check;
    if (visibility === "public" && check !== undefined) {
      throw new Error(`case "${c.name}": public cases use the default comparison (the browser cannot run custom checks)`);
    }
    const expected = c.expected ?? suite.expected;
    if (expected === undefined && check === undefined && c.throws === undefined) {
      throw new Error(`case "${c.name}" has neither expected, check nor throws`);
    }
    const tolerance = c.tolerance ?? suite.tolerance;
    const resolved: ResolvedCase = {
      name: c.name,
      kind: c.kind,
      points,
      visibility,
      inputs: c.inputs as (rng: Rng) => unknown,
      run: (c.run ?? suite.run) as (inputs: unknown) => Call | Call[],
    };
    if (tolerance !== undefined) resolved.tolerance = tolerance;
    if (expected !== undefined && c.throws === undefined) resolved.expected = expected as (inputs: unknown) => unknown;
    if (check !== undefined) resolved.check = check as CheckFn<unknown>;
    if (c.throws !== undefined) resolved.throws = c.throws;
    const domains = [c.outsideSuiteDomain === true ? undefined : suite.domain, c.domain?.bind(c)].filter((d) => d !== undefined) as ((inputs: I) => DomainVerdict)[];
    if (domains.length > 0) {
      resolved.domain = (inputs) => {
        for (const d of domains) {
          const verdict = d(inputs as I);
          if (verdict !== true) return verdict;
        }
        return true;
      };
    }
    return resolved;
  });
  if (cases.length === 0) throw new Error("a test suite needs at least one case");
  return Object.freeze({ kind: "course-test-suite", cases: Object.freeze(cases) });
}

export function isTestSuite(x: unknown): x is TestSuite {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "course-test-suite";
}
