import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { defaultStep, gradCheck, numericalGradCheck, numericalGradient, relativeErrorNorm } from "./gradcheck.ts";
import * as ref from "./reference/index.ts";
import { createRng } from "./rng.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const rng = createRng(99);
/** float32 centred differences are good to ~1e-3 in norm; tf.grads agrees to float32 round-off. */
const NUMERIC_OK = 5e-3;
const ANALYTIC_OK = 1e-5;

/** Runs both checks of `analytic` against `forward` and asserts both pass. */
function expectBothChecks(forward: (...xs: tf.Tensor[]) => tf.Scalar, analytic: tf.Tensor[], xs: tf.Tensor[], h?: number): void {
  const a = gradCheck(forward, analytic, xs);
  expect(a.perInput).toHaveLength(xs.length);
  expect(a.maxRelError, `tf.grads: ${a.perInput.join(", ")}`).toBeLessThan(ANALYTIC_OK);
  const n = numericalGradCheck(forward, analytic, xs, h);
  expect(n.maxRelError, `finite differences: ${n.perInput.join(", ")}`).toBeLessThan(NUMERIC_OK);
}

describe("numericalGradient and relativeErrorNorm", () => {
  it("approximates derivatives in float32, including for large |x|", () => {
    const sumSq = (t: tf.Tensor): number => tf.tidy(() => tf.sum(tf.square(t)).dataSync()[0]!);
    const x = tf.tensor1d([-3, -0.5, 0, 0.7, 2]);
    expect(relativeErrorNorm(numericalGradient(sumSq, x), tf.mul(x, 2))).toBeLessThan(1e-4);
    // |x| in the thousands: f ~ 1e7 has float32 ulps of ~1, so the widened step keeps the error ~1e-3.
    const big = tf.tensor1d([150, -2000, 3000]);
    expect(relativeErrorNorm(numericalGradient(sumSq, big), tf.mul(big, 2))).toBeLessThan(2e-3);
    // A fixed step this small would drown in round-off there.
    expect(relativeErrorNorm(numericalGradient(sumSq, big, 1e-3), tf.mul(big, 2))).toBeGreaterThan(1e-2);
    const s = tf.tensor1d([-1.3, 0.2, 0.9, 2.5]);
    const gs = numericalGradient((t) => tf.tidy(() => tf.sum(tf.sin(t)).dataSync()[0]!), s, 1e-2);
    expect(relativeErrorNorm(gs, tf.cos(s))).toBeLessThan(1e-3);
    expect(defaultStep(0)).toBe(5e-3);
    expect(defaultStep(1e5)).toBeGreaterThan(5e-3);
    expect(() => numericalGradient(() => 0, x, 0)).toThrow(RangeError);
  });

  it("relativeErrorNorm is ||a-b|| / (||a|| + ||b||) and 0 for two zero tensors", () => {
    expect(relativeErrorNorm(tf.tensor1d([3, 0]), tf.tensor1d([0, 4]))).toBeCloseTo(5 / 7, 12);
    expect(relativeErrorNorm(tf.zeros([3]), tf.zeros([3]))).toBe(0);
    expect(relativeErrorNorm(2, 2)).toBe(0);
    expect(() => relativeErrorNorm(tf.zeros([2]), tf.zeros([3]))).toThrow(RangeError);
  });

  it("gradCheck catches a wrong gradient (not averaged over the batch)", () => {
    const logits = rng.normal([8, 3]);
    const labels = rng.intTensor([8], 0, 3);
    const { dLogits } = ref.softmaxCrossEntropy(logits, labels);
    const forward = (z: tf.Tensor): tf.Scalar => tf.losses.softmaxCrossEntropy(tf.oneHot(labels as tf.Tensor1D, 3), z) as tf.Scalar;
    expect(gradCheck(forward, [tf.mul(dLogits, 8)], [logits]).maxRelError).toBeGreaterThan(0.5);
    expect(numericalGradCheck(forward, [tf.mul(dLogits, 8)], [logits]).maxRelError).toBeGreaterThan(0.5);
    expect(() => gradCheck(forward, [], [logits])).toThrow(RangeError);
    expect(Number.isNaN(gradCheck(forward, [tf.fill([8, 3], NaN)], [logits]).maxRelError)).toBe(true);
  });
});

describe("every backward in the catalogue passes both gradient checks", () => {
  it("activation derivatives", () => {
    const x = rng.normal([20], 0, 2);
    const xr = tf.add(x, tf.mul(tf.sign(x), 0.1)); // keep relu away from its kink
    expectBothChecks((t) => tf.sum(ref.sigmoid(t)), [ref.sigmoidGrad(x)], [x]);
    expectBothChecks((t) => tf.sum(ref.tanh(t)), [ref.tanhGrad(x)], [x]);
    expectBothChecks((t) => tf.sum(ref.relu(t)), [ref.reluGrad(xr)], [xr]);
  });

  it("softmax cross-entropy and MSE", () => {
    const logits = rng.normal([6, 4]);
    const labels = rng.intTensor([6], 0, 4);
    const onehot = tf.oneHot(labels as tf.Tensor1D, 4);
    expectBothChecks(
      (z) => tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(z), onehot), 1))) as tf.Scalar,
      [ref.softmaxCrossEntropy(logits, labels).dLogits],
      [logits],
    );
    const p = rng.normal([3, 5]);
    const t = rng.normal([3, 5]);
    expectBothChecks((q) => tf.mean(tf.square(tf.sub(q, t))), [ref.mseLoss(p, t).dPred], [p]);
  });

  it("dense backward and the MLP step's implied gradients", () => {
    const x = rng.normal([5, 4]);
    const w = rng.normal([4, 3]);
    const b = rng.normal([3]);
    const dOut = rng.normal([5, 3]);
    const { dx, dw, db } = ref.denseBackward(dOut, x, w);
    expectBothChecks((xx, ww, bb) => tf.sum(tf.mul(dOut, ref.denseForward(xx!, ww!, bb!))), [dx, dw, db], [x, w, b]);

    const y = rng.uniform([5, 2]);
    const params = { w1: rng.normal([4, 3]), b1: rng.normal([3]), w2: rng.normal([3, 2]), b2: rng.normal([2]) };
    const lr = 0.5;
    const next = ref.mlpTrainStep(params, x, y, lr).params;
    const implied = (["w1", "b1", "w2", "b2"] as const).map((k) => tf.div(tf.sub(params[k], next[k]), lr));
    const loss = (w1: tf.Tensor | undefined, b1: tf.Tensor | undefined, w2: tf.Tensor | undefined, b2: tf.Tensor | undefined): tf.Scalar =>
      tf.mean(tf.square(tf.sub(tf.sigmoid(ref.denseForward(tf.sigmoid(ref.denseForward(x, w1!, b1!)), w2!, b2!)), y)));
    // The implied gradient goes through a float32 subtraction of nearby params: allow its round-off.
    const a = gradCheck(loss, implied, [params.w1, params.b1, params.w2, params.b2]);
    expect(a.maxRelError).toBeLessThan(1e-4);
  });

  it("attention backward", () => {
    const q = rng.normal([2, 3, 4]);
    const k = rng.normal([2, 4, 4]);
    const v = rng.normal([2, 4, 3]);
    const dOut = rng.normal([2, 3, 3]);
    const { dq, dk, dv } = ref.attentionBackward(dOut, q, k, v);
    expectBothChecks((a, b, c) => tf.sum(tf.mul(dOut, ref.scaledDotProductAttention(a!, b!, c!).output)), [dq, dk, dv], [q, k, v]);
  });

  it("conv2d backward (stride 2, pad 1)", () => {
    const x = rng.normal([2, 5, 5, 2]);
    const f = rng.normal([3, 3, 2, 3]);
    const b = rng.normal([3]);
    const y = ref.conv2dForward(x, f, b, 2, 1);
    const dOut = rng.normal(y.shape);
    const { dx, dFilters, dBias } = ref.conv2dBackward(dOut, x, f, 2, 1);
    expectBothChecks((xx, ff, bb) => tf.sum(tf.mul(dOut, ref.conv2dForward(xx!, ff!, bb!, 2, 1))), [dx, dFilters, dBias], [x, f, b]);
  });

  it("max-pool backward (overlapping windows, well-separated values)", () => {
    // A permutation of well-separated values: no ties, and a 1e-3 step never changes an argmax.
    const n = 2 * 5 * 5 * 2;
    const values = rng.shuffle(Array.from({ length: n }, (_, i) => i * 0.05));
    const x = tf.tensor4d(values, [2, 5, 5, 2]);
    const y = ref.maxPoolForward(x, 3, 1);
    const dOut = rng.normal(y.shape);
    expectBothChecks((xx) => tf.sum(tf.mul(dOut, ref.maxPoolForward(xx!, 3, 1))), [ref.maxPoolBackward(dOut, x, 3, 1)], [x], 1e-3);
  });

  it("embedding backward", () => {
    const table = rng.normal([5, 3]);
    const ids = rng.intTensor([2, 4], 0, 5);
    const dOut = rng.normal([2, 4, 3]);
    expectBothChecks((t) => tf.sum(tf.mul(dOut, ref.embeddingForward(ids, t!))), [ref.embeddingBackward(dOut, ids, 5)], [table]);
  });
});
