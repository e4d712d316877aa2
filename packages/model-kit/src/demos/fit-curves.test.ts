import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select.ts";
import { readMnist } from "../mnist/load.ts";
import { fitWithCurves, smoothCurve } from "./fit-curves.ts";

beforeAll(async () => {
  expect(await selectBackend({ prefer: ["wasm"] })).toBe("wasm");
});
afterAll(async () => {
  await tf.setBackend("cpu");
});

describe("smoothCurve", () => {
  it("is TensorBoard's debiased moving average", () => {
    expect(smoothCurve([1, 2, 3], 0)).toEqual([1, 2, 3]);
    const s = smoothCurve([4, 0], 0.5);
    expect(s[0]).toBeCloseTo(4, 12); // debiased: the first point is itself
    expect(s[1]).toBeCloseTo((0.5 * 2 + 0) / 0.75, 12);
    expect(() => smoothCurve([1], 1)).toThrow(/\[0, 1\)/);
  });
});

describe("fitWithCurves", () => {
  it("reports every batch and epoch of model.fit on real digits; validation accuracy rises; stops on abort", async () => {
    const data = await readMnist();
    const before = tf.memory().numTensors;
    const batches: number[] = [];
    const epochs: { valAccuracy: number; valLoss: number }[] = [];
    const r = await fitWithCurves(data, { trainSize: 512, valSize: 200, epochs: 3, batchSize: 64 }, {
      onBatch: (b) => {
        batches.push(b.loss);
      },
      onEpoch: (e) => {
        epochs.push(e);
      },
    });
    expect(r.epochs).toBe(3);
    expect(batches).toHaveLength(3 * 8);
    expect(epochs).toHaveLength(3);
    expect(batches.at(-1)!).toBeLessThan(batches[0]!);
    expect(epochs[2]!.valAccuracy).toBeGreaterThan(0.6);
    expect(epochs[2]!.valLoss).toBeLessThan(epochs[0]!.valLoss);
    expect(tf.memory().numTensors).toBe(before);

    const stop = new AbortController();
    let seen = 0;
    const stopped = await fitWithCurves(data, { trainSize: 512, valSize: 64, epochs: 5 }, {
      onBatch: () => {
        if (++seen === 3) stop.abort();
      },
    }, stop.signal);
    expect(seen).toBe(3);
    expect(stopped.epochs).toBe(1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
