import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createRng } from "./rng.ts";
import { blobs, smallMlp } from "./synthetic.ts";
import { trainLoop, type BatchEvent, type EpochEvent } from "./train.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

describe("trainLoop", () => {
  it("trains an MLP: loss falls, accuracy rises, callbacks mirror the history", async () => {
    const { x, y } = blobs(120, 4, 3, 1);
    const model = smallMlp(4, 16, 3, 7);
    const epochs: EpochEvent[] = [];
    const batches: BatchEvent[] = [];
    const { history } = await trainLoop({
      model,
      x,
      y,
      epochs: 15,
      batchSize: 32,
      seed: 3,
      optimizer: tf.train.adam(0.02),
      metrics: ["accuracy"],
      onEpoch: (e) => epochs.push(e),
      onBatch: (b) => void batches.push(b),
    });
    expect(history.loss).toHaveLength(15);
    expect(history.accuracy).toHaveLength(15);
    expect(history.loss[14]!).toBeLessThan(history.loss[0]! / 2);
    expect(history.accuracy![14]!).toBeGreaterThan(0.9);
    expect(epochs.map((e) => e.loss)).toEqual(history.loss);
    expect(epochs.map((e) => e.accuracy)).toEqual(history.accuracy);
    expect(batches).toHaveLength(15 * 4);
    expect(batches.filter((b) => b.epoch === 0).map((b) => b.size)).toEqual([32, 32, 32, 24]);
    // Epoch loss is the size-weighted mean of its batch losses.
    const e0 = batches.filter((b) => b.epoch === 0).reduce((s, b) => s + b.loss * b.size, 0) / 120;
    expect(history.loss[0]).toBeCloseTo(e0, 5);
  });

  it("is reproducible: same seed and init, same history; another seed, another history", async () => {
    const { x, y } = blobs(64, 3, 2, 5);
    const run = async (seed: number): Promise<number[]> =>
      (await trainLoop({ model: smallMlp(3, 8, 2, 11), x, y, epochs: 4, batchSize: 16, seed, optimizer: tf.train.sgd(0.1) })).history.loss;
    const a = await run(21);
    expect(await run(21)).toEqual(a);
    expect(await run(22)).not.toEqual(a);
  });

  it("shuffles each epoch with the seeded Rng and covers every row once", async () => {
    const n = 10;
    const x = tf.range(0, n).reshape([n, 1]);
    const y = tf.zeros([n, 1]);
    const w = tf.variable(tf.zeros([1, 1]));
    const seen: number[][] = [];
    await trainLoop({
      model: {
        params: [w],
        loss: (xb, yb) => {
          seen.push(Array.from(xb.dataSync()));
          return tf.mean(tf.square(tf.sub(tf.matMul(xb as tf.Tensor2D, w), yb))) as tf.Scalar;
        },
      },
      x,
      y,
      epochs: 2,
      batchSize: 4,
      seed: 9,
      optimizer: tf.train.sgd(0),
    });
    const order = createRng(9).fork("trainLoop/shuffle");
    const all = Array.from({ length: n }, (_, i) => i);
    const e0 = order.shuffle(all);
    const e1 = order.shuffle(all);
    expect(seen).toEqual([e0.slice(0, 4), e0.slice(4, 8), e0.slice(8), e1.slice(0, 4), e1.slice(4, 8), e1.slice(8)]);
    expect(e0).not.toEqual(e1);
    tf.dispose([x, y, w]);
  });

  it("with params and a full batch, the first epoch loss is the loss before any update", async () => {
    const rng = createRng(4);
    const x = rng.normal([50, 3]);
    const trueW = tf.tensor2d([[2], [-1], [0.5]]);
    const y = tf.matMul(x as tf.Tensor2D, trueW);
    const w = tf.variable(tf.zeros([3, 1]));
    const loss = (xb: tf.Tensor, yb: tf.Tensor): tf.Scalar => tf.mean(tf.square(tf.sub(tf.matMul(xb as tf.Tensor2D, w), yb)));
    const initial = loss(x, y).dataSync()[0]!;
    const { history } = await trainLoop({ model: { params: [w], loss }, x, y, epochs: 100, batchSize: 50, seed: 1, optimizer: tf.train.sgd(0.1) });
    expect(history.loss[0]).toBeCloseTo(initial, 5);
    expect(Array.from(w.dataSync()).map((v) => Math.round(v * 100) / 100)).toEqual([2, -1, 0.5]);
  });

  it("leaks no tensors (default optimizer), and a caller's optimizer only gains its slots once", async () => {
    const { x, y } = blobs(40, 3, 2, 8);
    const model = smallMlp(3, 6, 2, 2);
    const before = tf.memory().numTensors;
    await trainLoop({ model, x, y, epochs: 3, batchSize: 16, seed: 1, metrics: ["accuracy"], onBatch: () => undefined });
    expect(tf.memory().numTensors).toBe(before);
    const opt = tf.train.adam(0.01);
    await trainLoop({ model, x, y, epochs: 1, batchSize: 16, seed: 1, optimizer: opt });
    const afterFirst = tf.memory().numTensors;
    await trainLoop({ model, x, y, epochs: 2, batchSize: 16, seed: 2, optimizer: opt, metrics: ["accuracy"] });
    expect(tf.memory().numTensors).toBe(afterFirst);
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("stops before the next batch when its signal aborts, keeping finished epochs and leaking nothing", async () => {
    const { x, y } = blobs(64, 3, 2, 6);
    const model = smallMlp(3, 6, 2, 4);
    const before = tf.memory().numTensors;
    const stop = new AbortController();
    const batches: BatchEvent[] = [];
    const result = await trainLoop({
      model,
      x,
      y,
      epochs: 5,
      batchSize: 16,
      seed: 1,
      metrics: ["accuracy"],
      signal: stop.signal,
      onBatch: (b) => {
        batches.push(b);
        if (b.epoch === 1 && b.batch === 1) stop.abort();
      },
    });
    expect(result.stopped).toBe(true);
    expect(result.history.loss).toHaveLength(1);
    expect(result.history.accuracy).toHaveLength(1);
    expect(batches).toHaveLength(4 + 2);
    expect(tf.memory().numTensors).toBe(before);
    const full = await trainLoop({ model, x, y, epochs: 1, batchSize: 16, seed: 1 });
    expect(full.stopped).toBe(false);
  });

  it("rejects inconsistent options", async () => {
    const { x, y } = blobs(10, 2, 2, 1);
    const model = smallMlp(2, 4, 2, 1);
    await expect(trainLoop({ model, x, y: tf.zeros([9, 2]), epochs: 1, batchSize: 4, seed: 1 })).rejects.toThrow(RangeError);
    await expect(trainLoop({ model, x, y, epochs: 1, batchSize: 0, seed: 1 })).rejects.toThrow();
    await expect(trainLoop({ model, x, y, epochs: 1.5, batchSize: 2, seed: 1 })).rejects.toThrow();
    const w = tf.variable(tf.zeros([2, 2]));
    await expect(
      trainLoop({ model: { params: [w], loss: () => tf.scalar(0) }, x, y, epochs: 1, batchSize: 4, seed: 1, metrics: ["accuracy"] }),
    ).rejects.toThrow(/predict/);
  });
});
