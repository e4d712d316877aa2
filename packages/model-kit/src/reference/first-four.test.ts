import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import * as f64 from "../float64/index.ts";
import { createRng } from "../rng.ts";
import { expectAgree } from "../test-helpers.ts";
import * as ref from "./index.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const rng = createRng(2024);

describe("dense and activations", () => {
  it("denseForward agrees with float64 and is x·w + b", () => {
    const x = rng.normal([5, 7]);
    const w = rng.normal([7, 3]);
    const b = rng.normal([3]);
    const y = ref.denseForward(x, w, b);
    expect(y.shape).toEqual([5, 3]);
    expectAgree(y, f64.denseForward(x, w, b));
  });

  it("activations and their derivatives agree with float64 and tf.grad, finite at ±1e4", () => {
    const x = tf.concat([rng.normal([50], 0, 3), tf.tensor1d([-1e4, -50, -1, 0, 1, 50, 1e4])]);
    expectAgree(ref.relu(x), f64.map(x, (v) => Math.max(v, 0)));
    expectAgree(ref.sigmoid(x), f64.map(x, f64.sigmoidScalar));
    expectAgree(ref.tanh(x), f64.map(x, Math.tanh));
    expectAgree(ref.reluGrad(x), f64.map(x, (v) => (v > 0 ? 1 : 0)));
    expectAgree(ref.sigmoidGrad(x), f64.map(x, (v) => f64.sigmoidScalar(v) * (1 - f64.sigmoidScalar(v))));
    expectAgree(ref.tanhGrad(x), f64.map(x, (v) => 1 - Math.tanh(v) ** 2));
    expectAgree(ref.sigmoidGrad(x), tf.grad((t: tf.Tensor) => tf.sigmoid(t))(x));
    expectAgree(ref.tanhGrad(x), tf.grad((t: tf.Tensor) => tf.tanh(t))(x));
    for (const fn of [ref.relu, ref.sigmoid, ref.tanh, ref.reluGrad, ref.sigmoidGrad, ref.tanhGrad]) {
      const y = fn(x);
      expect(y.dtype).toBe("float32");
      expect(tf.all(tf.isFinite(y)).dataSync()[0]).toBe(1);
    }
    expect(ref.reluGrad(tf.scalar(0)).dataSync()[0]).toBe(0);
  });

  it("denseBackward agrees with tf.grads of sum(dOut ⊙ (x·w + b))", () => {
    const x = rng.normal([6, 4]);
    const w = rng.normal([4, 5]);
    const b = rng.normal([5]);
    const dOut = rng.normal([6, 5]);
    const { dx, dw, db } = ref.denseBackward(dOut, x, w);
    const [gx, gw, gb] = tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) =>
      tf.sum(tf.mul(dOut, tf.add(tf.matMul(xx as tf.Tensor2D, ww as tf.Tensor2D), bb))),
    )([x, w, b]);
    expectAgree(dx, gx as tf.Tensor);
    expectAgree(dw, gw as tf.Tensor);
    expectAgree(db, gb as tf.Tensor);
    expectAgree(dw, f64.matmul(x, dOut, true, false));
  });
});

describe("softmax and losses", () => {
  it("softmax agrees with float64 and tf.softmax, rows sum to 1, stable at ±1e4", () => {
    const logits = rng.normal([8, 10], 0, 4);
    expectAgree(ref.softmax(logits), f64.softmax(logits));
    expectAgree(ref.softmax(logits), tf.softmax(logits));
    const big = tf.tensor2d([[1e4, -1e4, 0], [1e4, 1e4, 1e4 - 1], [-1e4, -1e4, -1e4]]);
    const s = ref.softmax(big);
    expectAgree(s, f64.softmax(big), { atol: 1e-6, rtol: 1e-5 });
    expectAgree(tf.sum(s, 1), tf.ones([3]), { atol: 1e-6, rtol: 0 });
  });

  it("softmaxCrossEntropy matches float64 in loss and gradient, and tf.grad of the loss", () => {
    const logits = rng.normal([9, 5], 0, 2);
    const labels = rng.intTensor([9], 0, 5);
    const r = ref.softmaxCrossEntropy(logits, labels);
    const e = f64.softmaxCrossEntropy(logits, labels);
    expect(Math.abs(r.loss - e.loss)).toBeLessThan(1e-5);
    expectAgree(r.dLogits, e.dLogits, { atol: 1e-6 });
    const g = tf.grad((z: tf.Tensor) => tf.losses.softmaxCrossEntropy(tf.oneHot(labels as tf.Tensor1D, 5), z))(logits);
    expectAgree(r.dLogits, g, { atol: 1e-6 });
  });

  it("softmaxCrossEntropy is stable for logits of ±1e4", () => {
    const logits = tf.tensor2d([[1e4, -1e4], [-1e4, 1e4], [1e4, 1e4]]);
    const labels = tf.tensor1d([1, 1, 0], "int32");
    const r = ref.softmaxCrossEntropy(logits, labels);
    const e = f64.softmaxCrossEntropy(logits, labels);
    expect(Number.isFinite(r.loss)).toBe(true);
    expect(Math.abs(r.loss - e.loss)).toBeLessThan(1e-3);
    expect(e.loss).toBeCloseTo((2e4 + Math.log(2)) / 3, 6);
    expectAgree(r.dLogits, e.dLogits, { atol: 1e-6 });
  });

  it("mseLoss matches float64 and tf.losses.meanSquaredError", () => {
    const p = rng.normal([4, 3]);
    const t = rng.normal([4, 3]);
    const r = ref.mseLoss(p, t);
    const e = f64.mseLoss(p, t);
    expect(Math.abs(r.loss - e.loss)).toBeLessThan(1e-6);
    expect(Math.abs(r.loss - tf.losses.meanSquaredError(t, p).dataSync()[0]!)).toBeLessThan(1e-6);
    expectAgree(r.dPred, e.dPred);
    expect(() => ref.mseLoss(p, tf.zeros([3, 4]))).toThrow(RangeError);
  });
});

describe("attention", () => {
  it("scaledDotProductAttention agrees with float64, unmasked and masked", () => {
    const q = rng.normal([2, 4, 8]);
    const k = rng.normal([2, 6, 8]);
    const v = rng.normal([2, 6, 3]);
    const r = ref.scaledDotProductAttention(q, k, v);
    const e = f64.scaledDotProductAttention(q, k, v);
    expectAgree(r.output, e.output);
    expectAgree(r.weights, e.weights);
    // A random 0/1 mask with one fully masked query.
    const m = rng.intTensor([2, 4, 6], 0, 2).arraySync() as number[][][];
    m[1]![2] = [0, 0, 0, 0, 0, 0];
    const mask = tf.tensor3d(m);
    const rm = ref.scaledDotProductAttention(q, k, v, mask);
    const em = f64.scaledDotProductAttention(q, k, v, mask);
    expectAgree(rm.output, em.output);
    expectAgree(rm.weights, em.weights);
    const w = rm.weights.dataSync();
    const mv = mask.dataSync();
    for (let i = 0; i < w.length; i++) if (mv[i] === 0) expect(w[i]).toBe(0);
    expect(Array.from(rm.output.slice([1, 2, 0], [1, 1, 3]).dataSync())).toEqual([0, 0, 0]);
  });

  it("a causal mask equals 1 on and below the diagonal", () => {
    const m = ref.causalMask(4).arraySync();
    expect(m).toEqual([[1, 0, 0, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 1, 1]]);
    expect(ref.causalMask(1).arraySync()).toEqual([[1]]);
    expect(() => ref.causalMask(0)).toThrow(RangeError);
  });

  it("attentionBackward agrees with float64 and tf.grads of the forward pass", () => {
    const q = rng.normal([2, 3, 4]);
    const k = rng.normal([2, 5, 4]);
    const v = rng.normal([2, 5, 2]);
    const dOut = rng.normal([2, 3, 2]);
    const r = ref.attentionBackward(dOut, q, k, v);
    const e = f64.attentionBackward(dOut, q, k, v);
    expectAgree(r.dq, e.dq);
    expectAgree(r.dk, e.dk);
    expectAgree(r.dv, e.dv);
    const [gq, gk, gv] = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
      tf.sum(tf.mul(dOut, tf.matMul(tf.softmax(tf.div(tf.matMul(a as tf.Tensor3D, b as tf.Tensor3D, false, true), 2)), c as tf.Tensor3D))),
    )([q, k, v]);
    expectAgree(r.dq, gq as tf.Tensor);
    expectAgree(r.dk, gk as tf.Tensor);
    expectAgree(r.dv, gv as tf.Tensor);
  });
});
