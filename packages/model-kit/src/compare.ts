import { toHost, unravelIndex, type HostTensor, type TensorLike } from "./tensor-like.ts";

/** pass iff |a - b| <= atol + rtol * |b| element-wise. */
export interface Tolerance {
  atol: number;
  rtol: number;
}

export const DEFAULT_TOLERANCE: Tolerance = Object.freeze({ atol: 1e-4, rtol: 1e-4 });

export interface Comparison {
  pass: boolean;
  kind: "ok" | "shape" | "nonfinite" | "values";
  /** One readable sentence for a student. Never contains an expected value. */
  message: string;
  actualShape: number[];
  expectedShape: number[];
  firstBadIndex?: number[];
  badCount?: number;
  maxAbsError?: number;
  /** Max of |a - b| / |b| over elements whose expected value is non-zero (0 if there are none). */
  maxRelError?: number;
  /**
   * Present when some element beyond the tolerance has an expected value of exactly 0, where the
   * relative error is undefined (maxRelError leaves those elements out): how many there are, and
   * whether that is all of them (no failing element has a relative error at all).
   */
  relErrorUndefined?: { count: number; all: boolean };
  nonFinite?: { nan: number; inf: number; firstIndex: number[] };
  /** The tolerance the comparison used (defaults filled in). */
  tolerance: Tolerance;
  /** Why the output is not a well-formed tensor (kind "shape" only, when the data is malformed). */
  malformed?: string;
}

const fmtShape = (s: readonly number[]): string => `[${s.join(", ")}]`;
const fmtIndex = (i: readonly number[]): string => (i.length === 0 ? "the scalar" : `index [${i.join(", ")}]`);
const fmtNum = (x: number): string => (x === 0 ? "0" : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(4) : x.toExponential(3));

/**
 * "max abs error …, max rel error …", saying where the relative error is undefined (an expected
 * value of 0) instead of printing a relative error that does not describe the failing elements.
 */
function errorSizes(maxAbs: number, maxRel: number, undef: { count: number; all: boolean } | undefined): string {
  const abs = `max abs error ${fmtNum(maxAbs)}`;
  if (undef === undefined) return `${abs}, max rel error ${fmtNum(maxRel)}`;
  if (undef.all) return `${abs}; relative error undefined (the expected value is 0 at ${undef.count === 1 ? "that element" : "those elements"})`;
  return `${abs}, max rel error ${fmtNum(maxRel)} (undefined at ${undef.count} element${undef.count === 1 ? "" : "s"} whose expected value is 0)`;
}

function resolveTolerance(tol: Partial<Tolerance> | undefined): Tolerance {
  const t = { ...DEFAULT_TOLERANCE, ...tol };
  if (!(t.atol >= 0) || !(t.rtol >= 0) || !Number.isFinite(t.atol) || !Number.isFinite(t.rtol)) {
    throw new RangeError(`tolerance must be finite and non-negative, got atol ${t.atol}, rtol ${t.rtol}`);
  }
  return t;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Identical non-finite values: NaN matches NaN, +Inf matches +Inf, -Inf matches -Inf. */
function sameNonFinite(a: number, b: number): boolean {
  return Number.isNaN(b) ? Number.isNaN(a) : a === b;
}

/**
 * Compare a student's output with the expected one and explain the first problem found:
 * shape, then NaN/Inf where finite values were expected, then values outside the tolerance.
 * The message names indices, counts and error sizes, never an expected value.
 */
export function compareTensors(actual: TensorLike, expected: TensorLike, tol?: Partial<Tolerance>): Comparison {
  const t = resolveTolerance(tol);
  const exp = toHost(expected);
  let act: HostTensor;
  try {
    act = toHost(actual);
  } catch (e) {
    const malformed = (e as Error).message;
    return {
      pass: false,
      kind: "shape",
      message: `Your output is not a well-formed tensor (${malformed}); wanted shape ${fmtShape(exp.shape)}.`,
      actualShape: [],
      expectedShape: exp.shape,
      tolerance: t,
      malformed,
    };
  }
  const base = { actualShape: act.shape, expectedShape: exp.shape, tolerance: t };
  if (!sameShape(act.shape, exp.shape)) {
    return {
      pass: false,
      kind: "shape",
      message: `Shape mismatch: got ${fmtShape(act.shape)}, wanted ${fmtShape(exp.shape)}.`,
      ...base,
    };
  }

  const a = act.values;
  const b = exp.values;
  const n = b.length;
  let nan = 0;
  let inf = 0;
  let firstNonFinite = -1;
  let bad = 0;
  let firstBad = -1;
  let maxAbs = 0;
  let maxRel = 0;
  // Elements beyond the tolerance whose expected value is 0, and those whose is finite and non-zero.
  let badZero = 0;
  let badRelDefined = 0;
  for (let i = 0; i < n; i++) {
    const ai = a[i] as number;
    const bi = b[i] as number;
    if (!Number.isFinite(bi)) {
      if (!sameNonFinite(ai, bi)) {
        bad++;
        if (firstBad < 0) firstBad = i;
      }
      continue;
    }
    if (!Number.isFinite(ai)) {
      if (Number.isNaN(ai)) nan++;
      else inf++;
      if (firstNonFinite < 0) firstNonFinite = i;
      continue;
    }
    const abs = Math.abs(ai - bi);
    if (abs > maxAbs) maxAbs = abs;
    if (bi !== 0) {
      const rel = abs / Math.abs(bi);
      if (rel > maxRel) maxRel = rel;
    }
    if (!(abs <= t.atol + t.rtol * Math.abs(bi))) {
      bad++;
      if (bi === 0) badZero++;
      else badRelDefined++;
      if (firstBad < 0) firstBad = i;
    }
  }

  if (firstNonFinite >= 0) {
    const firstIndex = unravelIndex(firstNonFinite, act.shape);
    const parts = [nan > 0 ? `${nan} NaN` : "", inf > 0 ? `${inf} Inf` : ""].filter(Boolean).join(" and ");
    return {
      pass: false,
      kind: "nonfinite",
      message: `Your output contains ${parts} where finite values were expected, first at ${fmtIndex(firstIndex)}.`,
      ...base,
      nonFinite: { nan, inf, firstIndex },
      firstBadIndex: firstIndex,
      badCount: nan + inf + bad,
      maxAbsError: maxAbs,
      maxRelError: maxRel,
    };
  }
  if (bad > 0) {
    const firstBadIndex = unravelIndex(firstBad, act.shape);
    const relErrorUndefined = badZero === 0 ? undefined : { count: badZero, all: badRelDefined === 0 };
    return {
      pass: false,
      kind: "values",
      message:
        `${bad} of ${n} element${n === 1 ? "" : "s"} differ beyond the tolerance (atol ${fmtNum(t.atol)}, rtol ${fmtNum(t.rtol)}), ` +
        `first at ${fmtIndex(firstBadIndex)}; ${errorSizes(maxAbs, maxRel, relErrorUndefined)}.`,
      ...base,
      firstBadIndex,
      badCount: bad,
      maxAbsError: maxAbs,
      maxRelError: maxRel,
      ...(relErrorUndefined === undefined ? {} : { relErrorUndefined }),
    };
  }
  return {
    pass: true,
    kind: "ok",
    message: `All ${n} element${n === 1 ? "" : "s"} match within the tolerance (max abs error ${fmtNum(maxAbs)}).`,
    ...base,
    badCount: 0,
    maxAbsError: maxAbs,
    maxRelError: maxRel,
  };
}

/** Shorthand for two plain numbers (or scalar tensors). */
export function compareNumbers(actual: number, expected: number, tol?: Partial<Tolerance>): Comparison {
  return compareTensors(actual, expected, tol);
}
