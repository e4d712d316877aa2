import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select.ts";
import { discriminatorLoss, generatorLoss } from "../reference/gan.ts";
import { trainGan1d, type GanSnapshot } from "./gan1d.ts";

beforeAll(async () => {
  expect(await selectBackend({ prefer: ["wasm"] })).toBe("wasm");
});
afterAll(async () => {
  await tf.setBackend("cpu");
});

const mean = (s: GanSnapshot) => s.generated.reduce((a, d, i) => a + d * s.binCenters[i]!, 0) / s.generated.reduce((a, d) => a + d, 0);

describe("trainGan1d", () => {
  it("moves the generator's histogram onto the real density, with losses the course's gan-losses agree with", async () => {
    const before = tf.memory().numTensors;
    const snaps: GanSnapshot[] = [];
    await trainGan1d({ target: "gaussian", steps: 1200, every: 200, seed: 2 }, (s) => {
      snaps.push(s);
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(snaps.map((s) => s.step)).toEqual([0, 200, 400, 600, 800, 1000, 1199]);
    const first = snaps[0]!;
    const last = snaps.at(-1)!;
    // The total variation distance between the generated histogram and the real density falls.
    const tv = (s: GanSnapshot) => 0.5 * s.generated.reduce((a, g, i) => a + Math.abs(g - s.real[i]!), 0) * (s.binCenters[1]! - s.binCenters[0]!);
    expect(tv(last)).toBeLessThan(tv(first) * 0.5);
    expect(Math.abs(mean(last) - 2)).toBeLessThan(0.3);
    for (const s of [first, last]) {
      expect(s.discriminator.every((p) => p > 0 && p < 1)).toBe(true);
      const d = tf.tidy(() => discriminatorLoss(tf.tensor1d(s.realLogits), tf.tensor1d(s.fakeLogits)));
      expect(d).toBeCloseTo(s.dLoss, 4);
      expect(tf.tidy(() => generatorLoss(tf.tensor1d(s.fakeLogits)))).toBeGreaterThan(0);
    }
  });

  it("stops when aborted and rejects bad options", async () => {
    const stop = new AbortController();
    const steps: number[] = [];
    await trainGan1d({ steps: 500, every: 10 }, (s) => {
      steps.push(s.step);
      if (s.step === 20) stop.abort();
    }, stop.signal);
    expect(steps).toEqual([0, 10, 20]);
    await expect(trainGan1d({ steps: 0 }, () => undefined)).rejects.toThrow();
  });
});
