import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { iris } from "../datasets/iris.ts";
import { confusionMatrix, kFoldIndices } from "../reference/data.ts";
import { crossValidate, rocCurve, type FoldResult } from "./evaluation.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("rocCurve", () => {
  it("runs from (0,0) to (1,1), moves tied scores together, and integrates the AUC", () => {
    const { roc, auc } = rocCurve([0.9, 0.8, 0.8, 0.3], [true, true, false, false]);
    expect(roc.map((p) => [p.fpr, p.tpr])).toEqual([[0, 0], [0, 0.5], [0.5, 1], [1, 1]]);
    expect(auc).toBeCloseTo(0.875, 10);
    expect(rocCurve([1, 2, 3], [false, false, true]).auc).toBe(1);
    expect(() => rocCurve([1, 2], [true, true])).toThrow(/both positive and negative/);
  });
});

describe("crossValidate on Iris", () => {
  const data = { ...iris(), classes: 3 };

  it("predicts every flower once, out of fold, well above chance", async () => {
    const before = tf.memory().numTensors;
    const seen: FoldResult[] = [];
    const r = await crossValidate(data, { k: 5, seed: 3 }, undefined, (f) => {
      seen.push(f);
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen).toEqual(r.folds);
    expect(r.folds.map((f) => f.val.length)).toEqual([30, 30, 30, 30, 30]);
    expect(new Set(r.folds.flatMap((f) => f.val)).size).toBe(150);
    for (const f of r.folds) expect(f.train.some((row) => f.val.includes(row))).toBe(false);
    expect(r.confusion.flat().reduce((a, b) => a + b, 0)).toBe(150);
    expect(r.confusion).toEqual(confusionMatrix(data.y, r.predicted, 3));
    expect(r.accuracy).toBeGreaterThan(0.9);
    expect(r.auc).toBeGreaterThan(0.9);
    expect(r.roc[0]).toMatchObject({ fpr: 0, tpr: 0 });
    expect(r.roc.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
  });

  it("without the shuffle, contiguous folds of sorted data miss whole classes and score badly", async () => {
    const r = await crossValidate(data, { k: 3, shuffle: false });
    expect(r.accuracy).toBeLessThan(0.4);
  });

  it("uses the blocks it is given, and explains unusable folds", async () => {
    const calls: string[] = [];
    await crossValidate(data, { k: 4 }, {
      kFold: async (n, k) => (calls.push(`kFold ${n} ${k}`), kFoldIndices(n, k)),
      confusion: (t, p, c) => (calls.push(`confusion ${t.length}`), confusionMatrix(t, p, c)),
    });
    expect(calls).toEqual(["kFold 150 4", "confusion 150"]);
    await expect(crossValidate(data, { k: 4 }, { kFold: () => [{ train: [0], val: [150] }], confusion: confusionMatrix })).rejects.toThrow(/did not return usable folds/);
    await expect(crossValidate(data, { k: 4 }, { kFold: (n) => kFoldIndices(n, 3), confusion: confusionMatrix })).rejects.toThrow(/returned 3 folds/);
  });
});
