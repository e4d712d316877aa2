import { describe, expect, it } from "vitest";
import { DEFAULT_TOLERANCE } from "../manifest.ts";
import type { Leaf, Values } from "./leaves.ts";
import { informative, nameFactor, relate } from "./relations.ts";

const tol = DEFAULT_TOLERANCE;
const v = (shape: number[], data: number[]): Values => ({ shape, data: Float64Array.from(data) });
const leaf = (actual: Values, expected: Values): Leaf => ({ label: undefined, actual, expected, scalar: expected.data.length === 1 && actual.data.length === 1 });
/** A fixed, irregular [rows, cols] matrix (no symmetry, no constant rows or columns). */
function matrix(rows: number, cols: number, seed = 1): Values {
  const data: number[] = [];
  for (let i = 0; i < rows * cols; i++) data.push(Math.sin(seed * 12.9898 + i * 78.233) * 3.7 + (i % 3) * 0.41);
  return v([rows, cols], data);
}
const map = (x: Values, f: (y: number, i: number) => number): Values => ({ shape: x.shape, data: x.data.map(f) });
function transpose(x: Values): Values {
  const [r, c] = x.shape as [number, number];
  const out: number[] = [];
  for (let j = 0; j < c; j++) for (let i = 0; i < r; i++) out.push(x.data[i * c + j]!);
  return v([c, r], out);
}
const key = (p: ReturnType<typeof relate>) => (p === undefined ? undefined : { key: p.key, params: p.params });

describe("relate: generic diagnoses of one output", () => {
  const e = matrix(4, 3);

  it("finds axes swapped, and a reshape where a transpose was needed", () => {
    expect(key(relate(leaf(transpose(e), e), tol, []))).toEqual({ key: "diagnosis.transposed", params: {} });
    const t = transpose(e);
    expect(key(relate(leaf(v([4, 3], [...t.data]), e), tol, []))).toEqual({ key: "diagnosis.reshapeNotTranspose", params: {} });
    const sq = matrix(3, 3);
    expect(key(relate(leaf(transpose(sq), sq), tol, []))).toEqual({ key: "diagnosis.transposed", params: {} });
  });

  it("finds right values in the wrong shape", () => {
    expect(key(relate(leaf(v([1, 12], [...e.data]), e), tol, []))).toEqual({ key: "diagnosis.wrongShape", params: { actual: [1, 12], expected: [4, 3] } });
  });

  it("names telling factors (2, 1/2, 1/√d, 1/N) and flipped signs, and says 'a constant factor' otherwise", () => {
    const inputs = [[4, 8], [8, 3]];
    expect(key(relate(leaf(map(e, (x) => 2 * x), e), tol, inputs))).toEqual({ key: "diagnosis.scaled", params: { factor: { kind: "two" } } });
    expect(key(relate(leaf(map(e, (x) => x / 2), e), tol, inputs))).toEqual({ key: "diagnosis.scaled", params: { factor: { kind: "half" } } });
    expect(key(relate(leaf(map(e, (x) => x / Math.sqrt(8)), e), tol, inputs))).toEqual({ key: "diagnosis.scaled", params: { factor: { kind: "invSqrtDim", n: 8 } } });
    expect(key(relate(leaf(map(e, (x) => x / 4), e), tol, inputs))).toEqual({ key: "diagnosis.scaled", params: { factor: { kind: "invDim", n: 4 } } });
    expect(key(relate(leaf(map(e, (x) => -x), e), tol, inputs))).toEqual({ key: "diagnosis.signFlipped", params: {} });
    expect(key(relate(leaf(map(e, (x) => 1.37 * x), e), tol, inputs))).toEqual({ key: "diagnosis.scaled", params: { factor: { kind: "other" } } });
    expect(nameFactor(1 / 3, [3])).toEqual({ kind: "invDim", n: 3 });
  });

  it("finds offsets: everywhere, per column (a bias) and per row", () => {
    expect(key(relate(leaf(map(e, (x) => x + 0.5), e), tol, []))).toEqual({ key: "diagnosis.offset", params: { along: "all" } });
    const bias = [0.3, -1.2, 0.7];
    expect(key(relate(leaf(map(e, (x, i) => x - bias[i % 3]!), e), tol, []))).toEqual({ key: "diagnosis.offset", params: { along: "column" } });
    const rowShift = [0.3, -1.2, 0.7, 2];
    expect(key(relate(leaf(map(e, (x, i) => x + rowShift[Math.floor(i / 3)]!), e), tol, []))).toEqual({ key: "diagnosis.offset", params: { along: "row" } });
  });

  it("finds only the first row right", () => {
    const first = [...e.data.slice(0, 3)];
    expect(key(relate(leaf(v([4, 3], [...first, ...first, ...first, ...first]), e), tol, []))).toEqual({ key: "diagnosis.firstRowOnly", params: {} });
  });

  it("finds a normalisation along another axis, and a reduction over another axis (from shapes)", () => {
    const expSm = (x: Values, axis: 0 | 1): Values => {
      const [r, c] = x.shape as [number, number];
      const ex = x.data.map(Math.exp);
      return map(x, (_, k) => {
        const i = Math.floor(k / c);
        const j = k % c;
        let s = 0;
        if (axis === 1) for (let q = 0; q < c; q++) s += ex[i * c + q]!;
        else for (let q = 0; q < r; q++) s += ex[q * c + j]!;
        return ex[k]! / s;
      });
    };
    expect(key(relate(leaf(expSm(e, 0), expSm(e, 1)), tol, []))).toEqual({ key: "diagnosis.normalisedAxis", params: { axis: 0, wanted: 1 } });
    expect(key(relate(leaf(v([4], [1, 2, 3, 4]), v([3], [1, 2, 3])), tol, [[4, 3]]))).toEqual({ key: "diagnosis.reducedAxis", params: { axis: 1, wanted: 0 } });
  });

  it("says nothing about outputs that are constant or zero, or unrelated, or carry NaN (probing learns nothing)", () => {
    for (const probe of [map(e, () => 0), map(e, () => 1), map(e, () => 1e30), map(e, () => NaN), matrix(4, 3, 7)]) {
      expect(relate(leaf(probe, e), tol, [[4, 3]])).toBeUndefined();
    }
    // A constant expected value: no relation is claimed either.
    expect(relate(leaf(matrix(4, 3), map(e, () => 2)), tol, [[4, 3]])).toBeUndefined();
    expect(informative(v([1], [3]))).toBe(false);
  });

  it("relates two single numbers only by a sign or a telling factor", () => {
    expect(key(relate(leaf(v([], [-0.75]), v([], [0.75])), tol, []))).toEqual({ key: "diagnosis.signFlipped", params: {} });
    expect(key(relate(leaf(v([], [3.2]), v([], [1.6])), tol, []))).toEqual({ key: "diagnosis.scaled", params: { factor: { kind: "two" } } });
    expect(relate(leaf(v([], [1.1]), v([], [0.75])), tol, [])).toBeUndefined();
    expect(relate(leaf(v([], [0]), v([], [0.75])), tol, [])).toBeUndefined();
  });
});
