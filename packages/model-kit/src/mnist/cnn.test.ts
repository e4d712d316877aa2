import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select.ts";
import type { BatchEvent } from "../train.ts";
import { accuracyOf, createMnistCnn, MNIST_CNN_LAYERS, trainMnistCnn } from "./cnn.ts";
import type { MnistData } from "./format.ts";
import { readMnist } from "./load.ts";

let data: MnistData;
beforeAll(async () => {
  expect(await selectBackend({ prefer: ["wasm"] })).toBe("wasm");
  data = await readMnist();
});
afterAll(async () => {
  await tf.setBackend("cpu");
});

describe("the lesson-5 CNN", () => {
  it("is conv → pool → conv → pool → dense with named layers and seeded weights", () => {
    const a = createMnistCnn(3);
    const b = createMnistCnn(3);
    expect(a.layers.map((l) => l.name)).toEqual([...MNIST_CNN_LAYERS]);
    expect(a.outputs[0]?.shape).toEqual([null, 10]);
    expect(Array.from(a.getWeights()[0]!.dataSync())).toEqual(Array.from(b.getWeights()[0]!.dataSync()));
    a.dispose();
    b.dispose();
  });

  it("learns real digits: the loss falls and held-out accuracy beats chance (short run)", async () => {
    const before = tf.memory().numTensors;
    const batches: BatchEvent[] = [];
    const run = await trainMnistCnn({ data, recipe: { trainLimit: 640, epochs: 2, evaluateEachEpoch: true }, onBatch: (b) => void batches.push(b) });
    expect(run.trainExamples).toBe(640);
    expect(run.testExamples).toBeGreaterThan(990);
    expect(run.history).toHaveLength(2);
    expect(batches).toHaveLength(2 * 20);
    const mean = (xs: BatchEvent[]) => xs.reduce((s, b) => s + b.loss, 0) / xs.length;
    expect(mean(batches.slice(-5))).toBeLessThan(mean(batches.slice(0, 5)) * 0.6);
    expect(run.history[1]!.loss).toBeLessThan(run.history[0]!.loss);
    expect(run.testAccuracy).toBe(run.history[1]!.testAccuracy);
    expect(run.testAccuracy).toBeGreaterThan(0.5); // chance is 0.1
    run.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("stops when asked, and accuracyOf counts argmax matches", async () => {
    const stop = new AbortController();
    const run = await trainMnistCnn({
      data,
      recipe: { trainLimit: 320, epochs: 3 },
      signal: stop.signal,
      onBatch: (b) => {
        if (b.batch === 2) stop.abort();
      },
    });
    expect(run.stopped).toBe(true);
    expect(run.history).toHaveLength(0);
    const x = tf.zeros([3, 28, 28, 1]) as tf.Tensor4D;
    const predicted = Array.from(tf.tidy(() => tf.argMax(run.model.predict(x) as tf.Tensor, -1).dataSync()));
    expect(accuracyOf(run.model, x, predicted)).toBe(1);
    expect(accuracyOf(run.model, x, predicted.map((p) => (p + 1) % 10))).toBe(0);
    tf.dispose(x);
    run.model.dispose();
  });
});
