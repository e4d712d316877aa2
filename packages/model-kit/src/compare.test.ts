import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { compareNumbers, compareTensors, DEFAULT_TOLERANCE } from "./compare.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("compareTensors", () => {
  it("passes equal tensors and values within atol + rtol*|b|", () => {
    const a = tf.tensor2d([[1, 2], [3, 4]]);
    const r = compareTensors(a, { shape: [2, 2], values: [1, 2, 3, 4 + 4e-4] });
    expect(r.pass).toBe(true);
    expect(r.kind).toBe("ok");
    expect(DEFAULT_TOLERANCE).toEqual({ atol: 1e-4, rtol: 1e-4 });
    // 4 + 6e-4 is beyond 1e-4 + 1e-4*4 = 5e-4.
    expect(compareTensors(a, { shape: [2, 2], values: [1, 2, 3, 4.0006] }).pass).toBe(false);
    a.dispose();
  });

  it("reports a shape mismatch with both shapes", () => {
    const r = compareTensors(tf.zeros([2, 3]), tf.zeros([3, 2]));
    expect(r).toMatchObject({ pass: false, kind: "shape", actualShape: [2, 3], expectedShape: [3, 2] });
    expect(r.message).toContain("[2, 3]");
    expect(r.message).toContain("[3, 2]");
  });

  it("locates the first bad element, counts bad ones and never prints expected values", () => {
    const expected = { shape: [2, 3], values: [0.123456, 7.654321, -3.217, 9.87654, 5.5, 2.25] };
    const actual = { shape: [2, 3], values: [0.123456, 7.654321, -3.0, 9.87654, 5.5, 2.0] };
    const r = compareTensors(actual, expected);
    expect(r.pass).toBe(false);
    expect(r.kind).toBe("values");
    expect(r.firstBadIndex).toEqual([0, 2]);
    expect(r.badCount).toBe(2);
    expect(r.maxAbsError).toBeCloseTo(0.25, 12);
    expect(r.maxRelError).toBeCloseTo(0.25 / 2.25, 12);
    for (const v of expected.values) {
      expect(r.message).not.toContain(String(v));
      expect(r.message).not.toContain(v.toPrecision(4));
    }
    expect(r.message).toContain("[0, 2]");
    expect(r.message).toContain("2 of 6");
  });

  it("flags NaN and Inf where finite values were expected, and where", () => {
    const r = compareTensors({ shape: [4], values: [1, NaN, Infinity, NaN] }, { shape: [4], values: [1, 2, 3, 4] });
    expect(r.kind).toBe("nonfinite");
    expect(r.pass).toBe(false);
    expect(r.nonFinite).toEqual({ nan: 2, inf: 1, firstIndex: [1] });
    expect(r.message).toMatch(/2 NaN and 1 Inf/);
  });

  it("requires non-finite expected entries to match exactly", () => {
    const exp = { shape: [3], values: [NaN, Infinity, -Infinity] };
    expect(compareTensors({ shape: [3], values: [NaN, Infinity, -Infinity] }, exp).pass).toBe(true);
    const r = compareTensors({ shape: [3], values: [NaN, -Infinity, -Infinity] }, exp);
    expect(r.pass).toBe(false);
    expect(r.firstBadIndex).toEqual([1]);
    expect(r.message).not.toMatch(/Infinity|NaN/);
    expect(compareTensors({ shape: [1], values: [0] }, { shape: [1], values: [NaN] }).pass).toBe(false);
  });

  it("compares a number with a shape-[] tensor, and numbers with numbers", () => {
    const s = tf.scalar(2.5);
    expect(compareTensors(2.5, s).pass).toBe(true);
    expect(compareTensors(s, 2.50001).pass).toBe(true);
    expect(compareTensors(tf.tensor1d([2.5]), 2.5).kind).toBe("shape");
    const r = compareNumbers(1.01, 1);
    expect(r.pass).toBe(false);
    expect(r.firstBadIndex).toEqual([]);
    expect(r.message).toContain("the scalar");
    expect(compareNumbers(1.01, 1, { atol: 0.02 }).pass).toBe(true);
    s.dispose();
  });

  it("treats malformed actual data as a shape failure and rejects bad tolerances", () => {
    const r = compareTensors({ shape: [2, 2], values: [1, 2, 3] }, { shape: [2, 2], values: [1, 2, 3, 4] });
    expect(r.kind).toBe("shape");
    expect(r.pass).toBe(false);
    expect(r.malformed).toMatch(/values has 3 entries/);
    expect(r.message).toContain(r.malformed);
    expect(() => compareTensors(1, 1, { atol: -1 })).toThrow(RangeError);
  });

  it("reports the tolerance it used, defaults filled in (feedback is rebuilt from these fields)", () => {
    expect(compareNumbers(1, 1).tolerance).toEqual(DEFAULT_TOLERANCE);
    const r = compareTensors({ shape: [2], values: [1, 5] }, { shape: [2], values: [1, 2] }, { atol: 0.5 });
    expect(r.tolerance).toEqual({ atol: 0.5, rtol: 1e-4 });
    expect(r.message).toContain("atol 0.5000, rtol 1.000e-4");
    expect(compareTensors({ shape: [1], values: [NaN] }, { shape: [1], values: [1] }, { rtol: 0 }).tolerance).toEqual({ atol: 1e-4, rtol: 0 });
    expect(compareTensors(tf.zeros([2]), tf.zeros([3])).tolerance).toEqual(DEFAULT_TOLERANCE);
  });

  it("does not report a relative error where the expected value is 0", () => {
    // Every failing element expects 0: no relative error exists for them.
    const zeros = compareTensors({ shape: [2, 2], values: [0, 0.5, 0, -0.25] }, { shape: [2, 2], values: [0, 0, 0, 0] });
    expect(zeros.pass).toBe(false);
    expect(zeros.relErrorUndefined).toEqual({ count: 2, all: true });
    expect(zeros.message).toBe(
      "2 of 4 elements differ beyond the tolerance (atol 1.000e-4, rtol 1.000e-4), first at index [0, 1]; " +
        "max abs error 0.5000; relative error undefined (the expected value is 0 at those elements).",
    );
    expect(zeros.message).not.toMatch(/max rel error/);
    // A passing element with a tiny expected value must not lend its relative error to the failing one.
    const lent = compareTensors({ shape: [3], values: [1e6, 0, 3] }, { shape: [3], values: [0, 1e-7, 3] }, { atol: 0.5, rtol: 0 });
    expect(lent.relErrorUndefined).toEqual({ count: 1, all: true });
    expect(lent.message).toMatch(/max abs error 1\.000e\+6; relative error undefined \(the expected value is 0 at that element\)\.$/);
    // Some failing elements have a relative error, some do not: report it and say where it is undefined.
    const mixed = compareTensors({ shape: [3], values: [0.5, 2.5, 3] }, { shape: [3], values: [0, 2, 3] });
    expect(mixed.relErrorUndefined).toEqual({ count: 1, all: false });
    expect(mixed.maxRelError).toBeCloseTo(0.25, 12);
    expect(mixed.message).toMatch(/max abs error 0\.5000, max rel error 0\.2500 \(undefined at 1 element whose expected value is 0\)\.$/);
    // Without zeros among the failing elements the wording is exactly as before.
    const plain = compareTensors({ shape: [2], values: [0, 2.5] }, { shape: [2], values: [0, 2] });
    expect(plain.relErrorUndefined).toBeUndefined();
    expect(plain.message).toMatch(/; max abs error 0\.5000, max rel error 0\.2500\.$/);
  });

  it("keeps its pass/fail decisions when expected values are 0 (atol alone decides there)", () => {
    expect(compareTensors({ shape: [2], values: [9e-5, -9e-5] }, { shape: [2], values: [0, 0] }).pass).toBe(true);
    expect(compareTensors({ shape: [2], values: [2e-4, 0] }, { shape: [2], values: [0, 0] }).pass).toBe(false);
    expect(compareTensors({ shape: [1], values: [-0] }, { shape: [1], values: [0] }).pass).toBe(true);
  });

  it("compares int32 and bool tensors by value", () => {
    const i = tf.tensor1d([1, 0, 1], "int32");
    const b = tf.tensor1d([1, 0, 1], "bool");
    expect(compareTensors(b, i).pass).toBe(true);
    tf.dispose([i, b]);
  });
});
