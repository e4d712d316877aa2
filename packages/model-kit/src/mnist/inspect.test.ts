import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { selectBackend } from "../backend/select.ts";
import { conv2dForward } from "../reference/conv.ts";
import { createMnistCnn } from "./cnn.ts";
import { featureMaps, limeExplanation, normalizeDrawing, occlusionMap, predictImage, saliencyMap } from "./inspect.ts";

beforeAll(async () => {
  expect(await selectBackend({ prefer: ["wasm"] })).toBe("wasm");
});
afterAll(async () => {
  await tf.setBackend("cpu");
});

/** A 3×3 block of ink with its top-left corner at (r, c) on a 28×28 image. */
const blockImage = (r: number, c: number): Float32Array => {
  const image = new Float32Array(784);
  for (let i = r; i < r + 3; i++) for (let j = c; j < c + 3; j++) image[i * 28 + j] = 1;
  return image;
};

describe("normalizeDrawing", () => {
  it("scales the ink's box to 20 pixels and centres its mass, like MNIST", () => {
    // A 100×100 canvas with a 40×10 vertical bar in its top-left corner.
    const ink = new Float32Array(100 * 100);
    for (let r = 5; r < 45; r++) for (let c = 10; c < 20; c++) ink[r * 100 + c] = 1;
    const out = normalizeDrawing(ink, 100, 100);
    const rows = [...Array(28).keys()].filter((r) => out.slice(r * 28, r * 28 + 28).some((v) => v > 0));
    const cols = [...Array(28).keys()].filter((c) => rows.some((r) => (out[r * 28 + c] as number) > 0));
    expect(rows).toHaveLength(20);
    expect(cols).toHaveLength(5);
    let mass = 0, cy = 0, cx = 0;
    out.forEach((v, i) => {
      mass += v;
      cy += v * Math.floor(i / 28);
      cx += v * (i % 28);
    });
    expect(Math.abs(cy / mass - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cx / mass - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...out)).toBeCloseTo(1, 5);
  });

  it("leaves an empty drawing empty and rejects a wrong size", () => {
    expect(normalizeDrawing(new Float32Array(50 * 40), 50, 40).every((v) => v === 0)).toBe(true);
    expect(() => normalizeDrawing(new Float32Array(10), 4, 4)).toThrow(/10 values for a 4×4 drawing/);
  });
});

describe("inside the CNN", () => {
  let model: tf.Sequential;
  beforeAll(() => {
    model = createMnistCnn(5);
  });
  const image = blockImage(10, 12);

  it("gives each layer's maps with their shapes; conv1 is relu(conv2d) of the scaled image with the layer's weights", () => {
    const { maps, probabilities } = featureMaps(model, image, ["scale", "conv1", "pool1", "conv2", "pool2"]);
    expect(maps.map((m) => [m.layer, m.shape])).toEqual([
      ["scale", [28, 28, 1]],
      ["conv1", [24, 24, 8]],
      ["pool1", [12, 12, 8]],
      ["conv2", [10, 10, 32]],
      ["pool2", [5, 5, 32]],
    ]);
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(probabilities).toEqual(predictImage(model, image).map((p) => expect.closeTo(p, 6)));
    const [kernel, bias] = model.getLayer("conv1").getWeights() as [tf.Tensor4D, tf.Tensor1D];
    const scaled = Array.from(image, (v) => (v - 0.13) / 0.31);
    maps[0]!.values.forEach((v, i) => expect(v).toBeCloseTo(scaled[i]!, 5));
    const expected = tf.tidy(() => Array.from(tf.relu(conv2dForward(tf.tensor4d(scaled, [1, 28, 28, 1]), kernel, bias, 1, 0)).dataSync()));
    maps[1]!.values.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
    expect(() => featureMaps(model, new Float32Array(10), ["conv1"])).toThrow(/784/);
  });

  it("saliency is the magnitude of the probability's gradient (checked by finite differences)", () => {
    const cls = 3;
    const sal = saliencyMap(model, image, cls);
    expect(sal).toHaveLength(784);
    expect(sal.every((v) => v >= 0)).toBe(true);
    const top = sal.indexOf(Math.max(...sal));
    const h = 1e-2;
    const p = (delta: number) => {
      const x = Float32Array.from(image);
      x[top] = (x[top] as number) + delta;
      return predictImage(model, x)[cls] as number;
    };
    expect(Math.abs((p(h) - p(-h)) / (2 * h))).toBeCloseTo(sal[top]!, 2);
  });

  it("occlusion is zero where no patch covers ink", () => {
    const cls = predictImage(model, image).indexOf(Math.max(...predictImage(model, image)));
    const occ = occlusionMap(model, image, cls, 5);
    expect(occ).toHaveLength(784);
    // Pixel (0, 0): every 5×5 patch covering it lies in rows/cols 0–8, far from the ink.
    expect(occ[0]).toBeCloseTo(0, 6);
    expect(occ[27 * 28 + 27]).toBeCloseTo(0, 6);
  });

  it("LIME recovers each super-pixel's contribution to a model that is linear in the pixels", () => {
    const linear = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [28, 28, 1] }), tf.layers.dense({ units: 1, useBias: true })] });
    const rng = Float32Array.from({ length: 784 }, (_, i) => Math.sin(i * 12.9898) * 0.01);
    linear.setWeights([tf.tensor2d(rng, [784, 1]), tf.tensor1d([0.2])]);
    const picture = Float32Array.from({ length: 784 }, (_, i) => ((i * 7) % 11) / 10);
    const { grid, weights, pixels } = limeExplanation(linear, picture, 0, { cell: 4, samples: 200, seed: 3 });
    expect(grid).toBe(7);
    expect(pixels).toHaveLength(784);
    for (let f = 0; f < 49; f++) {
      let contribution = 0;
      for (let i = 0; i < 784; i++) if (Math.floor(Math.floor(i / 28) / 4) * 7 + Math.floor((i % 28) / 4) === f) contribution += rng[i]! * picture[i]!;
      expect(weights[f]).toBeCloseTo(contribution, 3);
    }
  });
});
