import { describe, expect, it } from "vitest";
import * as f64 from "./index.ts";

/** The float64 twins are oracles: check them against closed-form values, not against tfjs. */
const F = (shape: number[], values: number[]): f64.F64 => ({ shape, values: Float64Array.from(values) });
const close = (a: ArrayLike<number>, b: number[], digits = 12): void => {
  expect(a.length).toBe(b.length);
  b.forEach((v, i) => expect(a[i]).toBeCloseTo(v, digits));
};

describe("float64 twins against closed forms", () => {
  it("softmax and cross-entropy, including logits of ±1e4", () => {
    close(f64.softmax(F([1, 2], [0, Math.log(2)])).values, [1 / 3, 2 / 3]);
    close(f64.softmax(F([2, 3], [1e4, -1e4, 1e4, -1e4, -1e4, -1e4])).values, [0.5, 0, 0.5, 1 / 3, 1 / 3, 1 / 3]);
    const { loss, dLogits } = f64.softmaxCrossEntropy(F([2, 2], [0, Math.log(3), 1e4, -1e4]), [1, 1]);
    expect(loss).toBeCloseTo((Math.log(4 / 3) + 2e4) / 2, 9);
    close(dLogits.values, [1 / 8, -1 / 8, 0.5, -0.5]);
  });

  it("GAN losses and the stable sigmoid/softplus at the extremes", () => {
    expect(f64.softplusScalar(1e4)).toBe(1e4);
    expect(f64.softplusScalar(-1e4)).toBe(0);
    expect(f64.sigmoidScalar(-1e4)).toBe(0);
    expect(f64.sigmoidScalar(0)).toBe(0.5);
    const r = f64.ganLosses(F([2], [0, 0]), F([2], [0, 0]));
    expect(r.discriminator).toBeCloseTo(2 * Math.log(2), 14);
    expect(r.generator).toBeCloseTo(Math.log(2), 14);
    expect(f64.generatorLoss(F([1], [-1e4]))).toBe(1e4);
  });

  it("layerNorm of [1, 2, 3] and matmul with transposes", () => {
    const s = Math.sqrt(2 / 3 + 1e-5);
    close(f64.layerNorm(F([1, 3], [1, 2, 3]), F([3], [1, 2, 1]), F([3], [0, 0, 1]), 1e-5).values, [-1 / s, 0, 1 / s + 1]);
    const a = F([2, 3], [1, 2, 3, 4, 5, 6]);
    close(f64.matmul(a, a, false, true).values, [14, 32, 32, 77]);
    close(f64.matmul(a, a, true, false).values, [17, 22, 27, 22, 29, 36, 27, 36, 45]);
  });

  it("attention: equal keys give uniform weights; a fully masked query gives zeros", () => {
    const q = F([1, 2, 2], [1, 0, 0, 1]);
    const k = F([1, 3, 2], [1, 1, 1, 1, 1, 1]);
    const v = F([1, 3, 1], [3, 6, 9]);
    const r = f64.scaledDotProductAttention(q, k, v, F([1, 2, 3], [1, 1, 1, 0, 0, 0]));
    close(r.weights.values, [1 / 3, 1 / 3, 1 / 3, 0, 0, 0]);
    close(r.output.values, [6, 0]);
  });

  it("conv2d with a centre-tap filter copies the input; pooling ties go to the first maximum", () => {
    const x = F([1, 3, 3, 1], [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const centre = F([3, 3, 1, 1], [0, 0, 0, 0, 1, 0, 0, 0, 0]);
    close(f64.conv2dForward(x, centre, F([1], [0.5]), 1, 1).values, [1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]);
    close(f64.conv2dForward(x, centre, F([1], [0]), 2, 1).values, [1, 3, 7, 9]);
    const ties = F([1, 2, 2, 1], [4, 4, 4, 4]);
    close(f64.maxPoolBackward(F([1, 1, 1, 1], [2.5]), ties, 2, 2).values, [2.5, 0, 0, 0]);
    // Overlapping windows (size 2, stride 1) share their maximum: its gradients add.
    close(f64.maxPoolBackward(F([1, 1, 2, 1], [1, 10]), F([1, 2, 3, 1], [1, 5, 2, 0, 0, 0]), 2, 1).values, [0, 11, 0, 0, 0, 0]);
    const pe = f64.positionalEncoding(2, 4);
    close(pe.values, [0, 1, 0, 1, Math.sin(1), Math.cos(1), Math.sin(1 / 100), Math.cos(1 / 100)]);
  });
});
