/**
 * Generic diagnoses of one failing output from its values alone: how it relates to the expected
 * value (axes swapped, scaled, shifted, only the first row right, normalised or reduced along
 * another axis). Each finding names a relation, never a number taken from the expected value.
 * Relations are only looked for between informative tensors (finite, not constant), so probing
 * with zeros or constants learns nothing.
 */
import type { Tolerance } from "../manifest.ts";
import { fb, type FeedbackPart } from "../messages/feedback.ts";
import type { FactorParam } from "../messages/params.ts";
import type { Leaf, Values } from "./leaves.ts";

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);
const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]!));
  return m;
}

/** Finite, at least two elements, and not all the same. */
export function informative(v: Values): boolean {
  if (v.data.length < 2) return false;
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v.data) {
    if (!Number.isFinite(x)) return false;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return hi - lo > 1e-6 * Math.max(1, Math.abs(hi), Math.abs(lo));
}

/** Element-wise agreement, a little looser than grading (the relation is recomputed in float64). */
export function close(a: ArrayLike<number>, b: ArrayLike<number>, tol: Tolerance): boolean {
  if (a.length !== b.length) return false;
  const slack = 1e-4 * maxAbs(b);
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= 4 * (tol.atol + tol.rtol * Math.abs(b[i]!)) + slack)) return false;
  }
  return true;
}

/** Strict grading agreement (the same rule as compareTensors). */
function within(a: ArrayLike<number>, b: ArrayLike<number>, tol: Tolerance): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i]! - b[i]!) <= tol.atol + tol.rtol * Math.abs(b[i]!))) return false;
  return true;
}

function permutations(n: number): number[][] {
  if (n <= 1) return [[0]].slice(0, n);
  const out: number[][] = [];
  for (const p of permutations(n - 1)) for (let i = 0; i <= p.length; i++) out.push([...p.slice(0, i), n - 1, ...p.slice(i)]);
  return out;
}

function permute(v: Values, perm: number[]): Values {
  const shape = perm.map((p) => v.shape[p]!);
  const inStrides = v.shape.map((_, i) => size(v.shape.slice(i + 1)));
  const data = new Float64Array(v.data.length);
  const idx = new Array<number>(shape.length).fill(0);
  for (let o = 0; o < data.length; o++) {
    let src = 0;
    for (let k = 0; k < shape.length; k++) src += idx[k]! * inStrides[perm[k]!]!;
    data[o] = v.data[src]!;
    for (let k = shape.length - 1; k >= 0; k--) {
      if (++idx[k]! < shape[k]!) break;
      idx[k] = 0;
    }
  }
  return { shape, data };
}

/** Axes swapped (same or other shape), or swapped then reshaped; right values in a wrong shape. */
function arrangement(a: Values, e: Values, tol: Tolerance): FeedbackPart | undefined {
  if (a.data.length !== e.data.length) return undefined;
  if (!sameShape(a.shape, e.shape) && close(a.data, e.data, tol)) return fb("diagnosis.wrongShape", { actual: a.shape, expected: e.shape });
  // Too few elements, and some permutation matches by chance.
  if (e.shape.length < 2 || e.shape.length > 4 || e.data.length < 4) return undefined;
  for (const perm of permutations(e.shape.length)) {
    if (perm.every((p, i) => p === i)) continue;
    const t = permute(e, perm);
    if (!close(a.data, t.data, tol)) continue;
    return sameShape(t.shape, a.shape) ? fb("diagnosis.transposed", {}) : fb("diagnosis.reshapeNotTranspose", {});
  }
  return undefined;
}

const near = (x: number, y: number): boolean => Math.abs(x - y) <= 1e-3 * Math.abs(y);

/** The telling name of a factor, from small constants and the sizes of the inputs. */
export function nameFactor(r: number, sizes: readonly number[]): FactorParam {
  if (near(r, 2)) return { kind: "two" };
  if (near(r, 0.5)) return { kind: "half" };
  for (const n of [...new Set(sizes)].filter((n) => n >= 2).sort((x, y) => x - y)) {
    if (near(r, n)) return { kind: "dim", n };
    if (near(r, 1 / n)) return { kind: "invDim", n };
    if (near(r, Math.sqrt(n))) return { kind: "sqrtDim", n };
    if (near(r, 1 / Math.sqrt(n))) return { kind: "invSqrtDim", n };
  }
  return { kind: "other" };
}

function scaled(a: Values, e: Values, tol: Tolerance, sizes: readonly number[]): FeedbackPart | undefined {
  let ae = 0;
  let ee = 0;
  for (let i = 0; i < e.data.length; i++) {
    ae += a.data[i]! * e.data[i]!;
    ee += e.data[i]! * e.data[i]!;
  }
  if (ee === 0) return undefined;
  const r = ae / ee;
  if (!Number.isFinite(r) || Math.abs(r) < 1e-6 || near(r, 1)) return undefined;
  const re = e.data.map((x) => r * x);
  if (!close(a.data, re, { atol: tol.atol * Math.max(1, Math.abs(r)), rtol: tol.rtol })) return undefined;
  return near(r, -1) ? fb("diagnosis.signFlipped", {}) : fb("diagnosis.scaled", { factor: nameFactor(r, sizes) });
}

/** The difference is constant: everywhere, down each column, or along each row. */
function offset(a: Values, e: Values, tol: Tolerance): FeedbackPart | undefined {
  const d = a.data.map((x, i) => x - e.data[i]!);
  const t = 4 * (tol.atol + tol.rtol * maxAbs(e.data)) + 1e-4 * maxAbs(e.data);
  const constant = (idx: (k: number) => number, n: number): boolean => {
    for (let k = 1; k < n; k++) if (!(Math.abs(d[idx(k)]! - d[idx(0)]!) <= t)) return false;
    return true;
  };
  if (constant((k) => k, d.length)) return Math.abs(d[0]!) > t ? fb("diagnosis.offset", { along: "all" }) : undefined;
  if (e.shape.length < 2) return undefined;
  const cols = e.shape[e.shape.length - 1]!;
  const rows = d.length / cols;
  // A difference constant down a column says something only where the expected column varies
  // (when every row is the same, any per-column function would fit); likewise for rows.
  const varies = (idx: (k: number) => number, n: number): boolean => {
    for (let k = 1; k < n; k++) if (Math.abs(e.data[idx(k)]! - e.data[idx(0)]!) > t) return true;
    return false;
  };
  if (rows >= 2) {
    let perColumn = true;
    for (let j = 0; j < cols && perColumn; j++) perColumn = constant((k) => k * cols + j, rows) && varies((k) => k * cols + j, rows);
    if (perColumn) return fb("diagnosis.offset", { along: "column" });
  }
  if (cols >= 2) {
    let perRow = true;
    for (let i = 0; i < rows && perRow; i++) perRow = constant((k) => i * cols + k, cols) && varies((k) => i * cols + k, cols);
    if (perRow) return fb("diagnosis.offset", { along: "row" });
  }
  return undefined;
}

/** Row 0 (the first example) right, every other row wrong. */
function firstRowOnly(a: Values, e: Values, tol: Tolerance): FeedbackPart | undefined {
  const n = e.shape[0] ?? 0;
  if (e.shape.length < 2 || n < 2) return undefined;
  const w = e.data.length / n;
  const row = (v: Values, i: number): Float64Array => v.data.subarray(i * w, (i + 1) * w);
  if (!within(row(a, 0), row(e, 0), tol) || !informative({ shape: [w], data: row(e, 0) })) return undefined;
  for (let i = 1; i < n; i++) if (within(row(a, i), row(e, i), tol)) return undefined;
  return fb("diagnosis.firstRowOnly", {});
}

/** Sums along `axis` are all 1 (and the values non-negative). */
function normalisedAlong(v: Values, axis: number): boolean {
  const strides = v.shape.map((_, i) => size(v.shape.slice(i + 1)));
  const n = v.shape[axis]!;
  if (n < 2) return false;
  for (const x of v.data) if (!(x >= 0)) return false;
  const outer = v.data.length / n;
  for (let o = 0; o < outer; o++) {
    // o enumerates the other axes: split it around `axis`.
    const inner = strides[axis]!;
    const base = Math.floor(o / inner) * inner * n + (o % inner);
    let s = 0;
    for (let k = 0; k < n; k++) s += v.data[base + k * inner]!;
    if (!(Math.abs(s - 1) <= 1e-3)) return false;
  }
  return true;
}

function normalisedAxis(a: Values, e: Values): FeedbackPart | undefined {
  if (e.shape.length < 2) return undefined;
  const axes = e.shape.map((_, i) => i);
  const wanted = axes.filter((k) => normalisedAlong(e, k));
  if (wanted.length !== 1) return undefined;
  const got = axes.filter((k) => normalisedAlong(a, k));
  if (got.length !== 1 || got[0] === wanted[0]) return undefined;
  return fb("diagnosis.normalisedAxis", { axis: got[0]!, wanted: wanted[0]! });
}

const drop = (s: readonly number[], i: number): number[] => s.filter((_, k) => k !== i);
const keep = (s: readonly number[], i: number): number[] => s.map((d, k) => (k === i ? 1 : d));

/** Shapes alone: the output looks like an input reduced over another axis than the expected. */
function reducedAxis(a: Values, e: Values, inputs: readonly number[][]): FeedbackPart | undefined {
  if (a.data.length === e.data.length) return undefined;
  for (const s of inputs) {
    if (s.length < 2) continue;
    for (let want = 0; want < s.length; want++) {
      if (!sameShape(drop(s, want), e.shape) && !sameShape(keep(s, want), e.shape)) continue;
      for (let got = 0; got < s.length; got++) {
        if (got !== want && s[got] !== s[want] && (sameShape(drop(s, got), a.shape) || sameShape(keep(s, got), a.shape))) {
          return fb("diagnosis.reducedAxis", { axis: got, wanted: want });
        }
      }
    }
  }
  return undefined;
}

/** What one failing leaf's output has in common with its expected value; undefined when nothing telling. */
export function relate(leaf: Leaf, tol: Tolerance, inputs: readonly number[][]): FeedbackPart | undefined {
  const { actual: a, expected: e } = leaf;
  const sizes = [...inputs.flat(), ...inputs.map(size), ...e.shape, e.data.length];
  let found: FeedbackPart | undefined;
  if (leaf.scalar) {
    // One number against one number: only a sign or a telling factor means anything.
    const x = a.data[0]!;
    const y = e.data[0]!;
    if (!Number.isFinite(x) || !(Math.abs(y) > 10 * tol.atol) || !(Math.abs(x) > 10 * tol.atol)) return undefined;
    const r = x / y;
    if (near(r, -1)) found = fb("diagnosis.signFlipped", {});
    else {
      const factor = nameFactor(r, sizes);
      if (factor.kind !== "other") found = fb("diagnosis.scaled", { factor });
    }
  } else if (informative(e) && informative(a)) {
    found = sameShape(a.shape, e.shape)
      ? (arrangement(a, e, tol) ?? scaled(a, e, tol, sizes) ?? offset(a, e, tol) ?? firstRowOnly(a, e, tol) ?? normalisedAxis(a, e))
      : (arrangement(a, e, tol) ?? reducedAxis(a, e, inputs));
  } else if (!sameShape(a.shape, e.shape) && a.data.every(Number.isFinite)) {
    found = reducedAxis(a, e, inputs);
  }
  if (found !== undefined && leaf.label !== undefined) found.label = leaf.label;
  return found;
}
