import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "./backend/select.ts";
import { createRng } from "./rng.ts";
import { quadrantImages, smallCnn } from "./synthetic.ts";
import { trainLoop } from "./train.ts";

beforeAll(async () => {
  expect(await selectBackend({ prefer: ["wasm"] })).toBe("wasm");
});
afterAll(async () => {
  await tf.setBackend("cpu");
});

describe("training a small CNN on the wasm backend", () => {
  it("learns the quadrant task and leaks nothing", async () => {
    const { x, y } = quadrantImages(160, 16, 4);
    const model = smallCnn(16, 4, 10);
    const before = tf.memory().numTensors;
    const opt = tf.train.adam(0.01);
    const { history } = await trainLoop({ model, x, y, epochs: 8, batchSize: 32, seed: 5, optimizer: opt, metrics: ["accuracy"] });
    // The optimizer's slots are the only new tensors.
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(history.loss[7]!).toBeLessThan(history.loss[0]! * 0.5);
    expect(history.accuracy![7]!).toBeGreaterThan(0.8);
  });

  it("gives the same first-epoch losses on wasm and cpu (seeded data, weights and shuffle)", async () => {
    const firstEpochs = async (): Promise<number[]> => {
      const { x, y } = quadrantImages(64, 16, 7);
      const model = smallCnn(16, 4, 3);
      const opt = tf.train.sgd(0.05);
      const { history } = await trainLoop({ model, x, y, epochs: 2, batchSize: 16, seed: createRng(1).int(0, 1000), optimizer: opt });
      opt.dispose();
      model.dispose();
      tf.dispose([x, y]);
      return history.loss;
    };
    const wasm = await firstEpochs();
    await tf.setBackend("cpu");
    const cpu = await firstEpochs();
    await tf.setBackend("wasm");
    wasm.forEach((l, i) => expect(Math.abs(l - cpu[i]!) / cpu[i]!).toBeLessThan(1e-3));
  });
});
