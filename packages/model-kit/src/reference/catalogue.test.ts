import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import * as f64 from "../float64/index.ts";
import { createRng } from "../rng.ts";
import { expectAgree } from "../test-helpers.ts";
import * as ref from "./index.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

const rng = createRng(77);
const vals = (t: tf.Tensor): number[] => Array.from(t.dataSync());

describe("lesson 2-4: regression, MLP step, gradient check, optimisers", () => {
  it("fitLinearRegression follows float64 gradient descent and records the loss before each step", () => {
    const x = rng.normal([20, 3]);
    const y = tf.add(tf.matMul(x, tf.tensor2d([[1.5], [-2], [0.5]])).reshape([20]), 0.7);
    const { w, b, losses } = ref.fitLinearRegression(x, y, 0.1, 30);
    // Independent float64 loop.
    const X = f64.f64(x);
    const Y = f64.f64(y).values;
    let W = [0, 0, 0];
    let B = 0;
    const L: number[] = [];
    for (let s = 0; s < 30; s++) {
      const r = Array.from({ length: 20 }, (_, n) => W.reduce((acc, wj, j) => acc + wj * X.values[n * 3 + j]!, B) - Y[n]!);
      L.push(r.reduce((a, v) => a + v * v, 0) / 20);
      const dW = W.map((_, j) => (2 / 20) * r.reduce((a, v, n) => a + v * X.values[n * 3 + j]!, 0));
      const dB = (2 / 20) * r.reduce((a, v) => a + v, 0);
      W = W.map((wj, j) => wj - 0.1 * dW[j]!);
      B -= 0.1 * dB;
    }
    expect(losses).toHaveLength(30);
    expectAgree({ shape: [30], values: losses }, { shape: [30], values: L });
    expectAgree(w, { shape: [3], values: W });
    expect(Math.abs(b - B)).toBeLessThan(1e-4);
    expect(losses[0]).toBeGreaterThan(losses[29]!);
  });

  it("mlpTrainStep returns the pre-step loss and params minus lr·tf.grads", () => {
    const x = rng.normal([6, 4]);
    const y = rng.uniform([6, 2]);
    const params = { w1: rng.normal([4, 5]), b1: rng.normal([5]), w2: rng.normal([5, 2]), b2: rng.normal([2]) };
    const lossOf = (w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor): tf.Scalar => {
      const h = tf.sigmoid(tf.add(tf.matMul(x, w1 as tf.Tensor2D), b1));
      const out = tf.sigmoid(tf.add(tf.matMul(h, w2 as tf.Tensor2D), b2));
      return tf.mean(tf.square(tf.sub(out, y)));
    };
    const r = ref.mlpTrainStep(params, x, y, 0.5);
    const before = lossOf(params.w1, params.b1, params.w2, params.b2).dataSync()[0]!;
    expect(Math.abs(r.loss - before)).toBeLessThan(1e-6);
    const g = tf.grads(lossOf)([params.w1, params.b1, params.w2, params.b2]);
    const names = ["w1", "b1", "w2", "b2"] as const;
    names.forEach((n, i) => expectAgree(r.params[n], tf.sub(params[n], tf.mul(g[i]!, 0.5)), { atol: 1e-5 }));
  });

  it("numericalGradient approximates the analytic gradient; relativeError follows its formula", () => {
    const x = rng.normal([3, 2]);
    const f = (t: tf.Tensor): number => tf.tidy(() => tf.sum(tf.mul(tf.sin(t), t)).dataSync()[0]!);
    const num = ref.numericalGradient(f, x, 1e-2);
    const analytic = tf.add(tf.cos(x).mul(x), tf.sin(x));
    expect(ref.relativeError(num, analytic)).toBeLessThan(1e-3);
    expect(ref.relativeError(tf.tensor1d([1, 2, 0]), tf.tensor1d([1, 3, 0]))).toBeCloseTo(0.2, 7);
    expect(ref.relativeError(tf.tensor1d([1e-9]), tf.tensor1d([0]))).toBeCloseTo(0.1, 7);
    expect(() => ref.relativeError(tf.zeros([2]), tf.zeros([3]))).toThrow(RangeError);
  });

  it("sgdMomentumStep matches tf.train.momentum over several steps (v_ours = -lr·v_tf)", () => {
    const p0 = rng.normal([5]);
    const grads = [rng.normal([5]), rng.normal([5]), rng.normal([5])];
    const variable = tf.variable(p0.clone());
    const opt = tf.train.momentum(0.1, 0.9);
    let param = p0;
    let velocity: tf.Tensor = tf.zeros([5]);
    for (const g of grads) {
      ({ param, velocity } = ref.sgdMomentumStep(param, g, velocity, { lr: 0.1, momentum: 0.9 }));
      opt.applyGradients([{ name: variable.name, tensor: g }]);
    }
    expectAgree(param, variable, { atol: 1e-6 });
    // From a non-zero velocity, one step by hand in float64.
    const v0 = rng.normal([5]);
    const r = ref.sgdMomentumStep(p0, grads[0]!, v0, { lr: 0.05, momentum: 0.5 });
    const vExp = vals(v0).map((v, i) => 0.5 * v - 0.05 * vals(grads[0]!)[i]!);
    expectAgree(r.velocity, { shape: [5], values: vExp });
    expectAgree(r.param, { shape: [5], values: vals(p0).map((p, i) => p + vExp[i]!) });
    opt.dispose();
  });

  it("adamStep matches tf.train.adam over several steps and counts t", () => {
    const p0 = rng.normal([4]);
    const variable = tf.variable(p0.clone());
    const opt = tf.train.adam(0.01, 0.9, 0.999, 1e-8);
    let param = p0;
    let state: ref.AdamState = { m: tf.zeros([4]), v: tf.zeros([4]), t: 0 };
    for (let i = 0; i < 5; i++) {
      const g = rng.normal([4]);
      ({ param, state } = ref.adamStep(param, g, state, { lr: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }));
      opt.applyGradients([{ name: variable.name, tensor: g }]);
    }
    expect(state.t).toBe(5);
    expectAgree(param, variable, { atol: 1e-6 });
    opt.dispose();
  });
});

describe("lesson 5: convolution and pooling", () => {
  for (const [stride, pad, kh, kw] of [
    [1, 0, 3, 3],
    [2, 1, 3, 3],
    [1, 2, 3, 3],
    // Non-square kernels: tfjs's numeric pad would size the width with the kernel height.
    [2, 1, 2, 3],
    [1, 1, 3, 1],
  ] as const) {
    it(`conv2dForward and conv2dBackward agree with float64 (stride ${stride}, pad ${pad}, kernel ${kh}×${kw})`, () => {
      const x = rng.normal([2, 7, 6, 3]);
      const f = rng.normal([kh, kw, 3, 4]);
      const b = rng.normal([4]);
      const y = ref.conv2dForward(x, f, b, stride, pad);
      expectAgree(y, f64.conv2dForward(x, f, b, stride, pad));
      const dOut = rng.normal(y.shape);
      const r = ref.conv2dBackward(dOut, x, f, stride, pad);
      const e = f64.conv2dBackward(dOut, x, f, stride, pad);
      expectAgree(r.dx, e.dx);
      expectAgree(r.dFilters, e.dFilters);
      expectAgree(r.dBias, e.dBias);
    });
  }

  it("maxPool forward/backward agree with float64, with ties and overlapping windows", () => {
    // Small integers make ties common.
    const x = tf.cast(rng.intTensor([2, 6, 5, 2], 0, 3), "float32");
    for (const [size, stride] of [
      [2, 2],
      [3, 1],
      [3, 2],
    ] as const) {
      const y = ref.maxPoolForward(x, size, stride);
      expect(y.shape).toEqual([2, Math.floor((6 - size) / stride) + 1, Math.floor((5 - size) / stride) + 1, 2]);
      expectAgree(y, f64.maxPoolForward(x, size, stride));
      const dOut = rng.normal(y.shape);
      expectAgree(ref.maxPoolBackward(dOut, x, size, stride), f64.maxPoolBackward(dOut, x, size, stride));
    }
  });
});

describe("lesson 6: recurrent networks", () => {
  it("rnnStep and rnnForward agree with float64", () => {
    const [N, T, D, H] = [3, 4, 5, 6];
    const x = rng.normal([N, T, D]);
    const h0 = rng.normal([N, H]);
    const wx = rng.normal([D, H], 0, 0.5);
    const wh = rng.normal([H, H], 0, 0.5);
    const b = rng.normal([H]);
    const hs = ref.rnnForward(x, h0, wx, wh, b);
    expect(hs.shape).toEqual([N, T, H]);
    let h = f64.f64(h0);
    for (let t = 0; t < T; t++) {
      const xt = f64.f64(x.slice([0, t, 0], [N, 1, D]).reshape([N, D]));
      h = f64.map(f64.addBias({ shape: [N, H], values: f64.matmul(xt, wx).values.map((v, i) => v + f64.matmul(h, wh).values[i]!) }, b), Math.tanh);
      expectAgree(hs.slice([0, t, 0], [N, 1, H]).reshape([N, H]), h);
    }
    expectAgree(ref.rnnStep(x.slice([0, 0, 0], [N, 1, D]).reshape([N, D]), h0, wx, wh, b), hs.slice([0, 0, 0], [N, 1, H]).reshape([N, H]));
  });

  it("lstmStep agrees with float64 gates in the order i, f, o, g", () => {
    const [N, D, H] = [2, 3, 4];
    const x = rng.normal([N, D]);
    const h = rng.normal([N, H]);
    const c = rng.normal([N, H]);
    const wx = rng.normal([D, 4 * H]);
    const wh = rng.normal([H, 4 * H]);
    const b = rng.normal([4 * H]);
    const r = ref.lstmStep(x, h, c, wx, wh, b);
    const zx = f64.matmul(x, wx).values;
    const zh = f64.matmul(h, wh).values;
    const bv = vals(b);
    const cv = vals(c);
    const cOut: number[] = [];
    const hOut: number[] = [];
    for (let n = 0; n < N; n++)
      for (let j = 0; j < H; j++) {
        const z = (g: number): number => zx[n * 4 * H + g * H + j]! + zh[n * 4 * H + g * H + j]! + bv[g * H + j]!;
        const cNew = f64.sigmoidScalar(z(1)) * cv[n * H + j]! + f64.sigmoidScalar(z(0)) * Math.tanh(z(3));
        cOut.push(cNew);
        hOut.push(f64.sigmoidScalar(z(2)) * Math.tanh(cNew));
      }
    expectAgree(r.c, { shape: [N, H], values: cOut });
    expectAgree(r.h, { shape: [N, H], values: hOut });
  });
});

describe("lesson 8: transformer pieces", () => {
  it("positionalEncoding matches a tf.sin/tf.cos computation and known values", () => {
    const pe = ref.positionalEncoding(50, 6);
    const p = tf.range(0, 50).reshape([50, 1]);
    const i2 = tf.tensor1d([0, 0, 2, 2, 4, 4]);
    const angle = tf.div(p, tf.pow(10000, tf.div(i2, 6)));
    const want = tf.where(tf.tensor1d([1, 0, 1, 0, 1, 0], "bool"), tf.sin(angle), tf.cos(angle));
    expectAgree(pe, want, { atol: 1e-4 });
    expect(vals(pe.slice([0, 0], [1, 6]))).toEqual([0, 1, 0, 1, 0, 1]);
    expect(ref.positionalEncoding(3, 5).shape).toEqual([3, 5]);
  });

  it("layerNorm agrees with float64 and with tf.moments", () => {
    const x = rng.normal([5, 8], 3, 2);
    const g = rng.normal([8]);
    const b = rng.normal([8]);
    const y = ref.layerNorm(x, g, b, 1e-5);
    expectAgree(y, f64.layerNorm(x, g, b, 1e-5));
    const { mean, variance } = tf.moments(x, 1, true);
    expectAgree(y, tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), g), b));
  });

  const mhaParams = (d: number): ref.MhaParams => ({
    wq: rng.normal([d, d], 0, 0.4),
    wk: rng.normal([d, d], 0, 0.4),
    wv: rng.normal([d, d], 0, 0.4),
    wo: rng.normal([d, d], 0, 0.4),
    bq: rng.normal([d]),
    bk: rng.normal([d]),
    bv: rng.normal([d]),
    bo: rng.normal([d]),
  });

  /** float64 multi-head attention, head by head, built from the float64 twins. */
  function mha64(x: tf.Tensor, p: ref.MhaParams, heads: number, mask?: tf.Tensor): f64.F64 {
    const [B, T, d] = x.shape as [number, number, number];
    const dk = d / heads;
    const x2 = f64.f64(x.reshape([B * T, d]));
    const Q = f64.denseForward(x2, p.wq, p.bq).values;
    const K = f64.denseForward(x2, p.wk, p.bk).values;
    const V = f64.denseForward(x2, p.wv, p.bv).values;
    const merged = new Float64Array(B * T * d);
    for (let h = 0; h < heads; h++) {
      const take = (src: Float64Array): f64.F64 => {
        const out = new Float64Array(B * T * dk);
        for (let r = 0; r < B * T; r++) for (let c = 0; c < dk; c++) out[r * dk + c] = src[r * d + h * dk + c]!;
        return { shape: [B, T, dk], values: out };
      };
      const { output } = f64.scaledDotProductAttention(take(Q), take(K), take(V), mask);
      for (let r = 0; r < B * T; r++) for (let c = 0; c < dk; c++) merged[r * d + h * dk + c] = output.values[r * dk + c]!;
    }
    const o = f64.denseForward({ shape: [B * T, d], values: merged }, p.wo, p.bo);
    return { shape: [B, T, d], values: o.values };
  }

  it("multiHeadAttention agrees with a float64 head-by-head computation, with and without a mask", () => {
    const x = rng.normal([2, 5, 8]);
    const p = mhaParams(8);
    for (const heads of [1, 2, 4]) expectAgree(ref.multiHeadAttention(x, p, heads), mha64(x, p, heads));
    const mask = tf.stack([ref.causalMask(5), ref.causalMask(5)]);
    expectAgree(ref.multiHeadAttention(x, p, 2, mask), mha64(x, p, 2, mask));
    expect(() => ref.multiHeadAttention(x, p, 3)).toThrow(RangeError);
  });

  it("encoderBlock is pre-norm: h = x + MHA(LN1(x)); out = h + FFN(LN2(h))", () => {
    const [B, T, d, dff] = [2, 4, 8, 16];
    const x = rng.normal([B, T, d]);
    const p: ref.EncoderParams = {
      attn: mhaParams(d),
      ln1: { gamma: rng.normal([d]), beta: rng.normal([d]) },
      ln2: { gamma: rng.normal([d]), beta: rng.normal([d]) },
      w1: rng.normal([d, dff], 0, 0.3),
      b1: rng.normal([dff]),
      w2: rng.normal([dff, d], 0, 0.3),
      b2: rng.normal([d]),
    };
    const ln1 = f64.toTensor(f64.layerNorm(x, p.ln1.gamma, p.ln1.beta, 1e-5));
    const h = f64.f64(x).values.map((v, i) => v + mha64(ln1, p.attn, 2).values[i]!);
    const ln2 = f64.layerNorm({ shape: [B * T, d], values: h }, p.ln2.gamma, p.ln2.beta, 1e-5);
    const ffn = f64.denseForward(f64.map(f64.denseForward(ln2, p.w1, p.b1), (v) => Math.max(v, 0)), p.w2, p.b2);
    expectAgree(ref.encoderBlock(x, p, 2), { shape: [B, T, d], values: h.map((v, i) => v + ffn.values[i]!) }, { atol: 2e-4 });
  });
});

describe("lesson 9: GAN losses", () => {
  it("agree with float64 and stay finite and exact for logits of ±1e4", () => {
    const real = rng.normal([16], 0, 3);
    const fake = rng.normal([16], 0, 3);
    expect(Math.abs(ref.discriminatorLoss(real, fake) - f64.discriminatorLoss(real, fake))).toBeLessThan(1e-5);
    expect(Math.abs(ref.generatorLoss(fake) - f64.generatorLoss(fake))).toBeLessThan(1e-5);
    const bigR = tf.tensor1d([1e4, -1e4]);
    const bigF = tf.tensor1d([-1e4, 1e4]);
    expect(f64.discriminatorLoss(bigR, bigF)).toBeCloseTo(1e4, 6);
    expect(Math.abs(ref.discriminatorLoss(bigR, bigF) - 1e4)).toBeLessThan(1e-3);
    expect(Math.abs(ref.generatorLoss(bigF) - 5e3)).toBeLessThan(1e-3);
    // -mean log σ(fake) against the naive formula where it is safe.
    const naive = -tf.mean(tf.log(tf.sigmoid(fake))).dataSync()[0]!;
    expect(Math.abs(ref.generatorLoss(fake) - naive)).toBeLessThan(1e-5);
  });
});

describe("lesson 10: data and evaluation", () => {
  it("fitStandardizer/standardize: population std, constant columns get std exactly 1", () => {
    const x = tf.concat([rng.normal([10, 2], 5, 3), tf.fill([10, 1], 0.1)], 1);
    const s = ref.fitStandardizer(x);
    const { mean, variance } = tf.moments(x, 0);
    expectAgree(s.mean, mean);
    expect(vals(s.std)[2]).toBe(1);
    expectAgree(s.std.slice([0], [2]), tf.sqrt(variance).slice([0], [2]));
    const z = ref.standardize(x, s);
    expectAgree(tf.mean(z, 0).slice([0], [2]), tf.zeros([2]), { atol: 1e-5 });
    expectAgree(tf.moments(z, 0).variance.slice([0], [2]), tf.ones([2]), { atol: 1e-5 });
  });

  it("kFoldIndices gives contiguous folds, the first n % k one longer, and rejects bad k", () => {
    const folds = ref.kFoldIndices(10, 3);
    expect(folds.map((f) => f.val)).toEqual([[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    expect(folds[1]!.train).toEqual([0, 1, 2, 3, 7, 8, 9]);
    expect(() => ref.kFoldIndices(5, 1)).toThrow(RangeError);
    expect(() => ref.kFoldIndices(5, 6)).toThrow(RangeError);
    expect(ref.kFoldIndices(5, 5).every((f) => f.val.length === 1)).toBe(true);
  });

  it("confusionMatrix and precisionRecallF1 follow their definitions", () => {
    const yt = [0, 1, 2, 1, 0, 2, 2];
    const yp = [0, 2, 2, 1, 1, 2, 0];
    expect(ref.confusionMatrix(yt, yp, 3)).toEqual([[1, 1, 0], [0, 1, 1], [1, 0, 2]]);
    const r = ref.precisionRecallF1(yt, yp, 2);
    expect(r.precision).toBeCloseTo(2 / 3, 12);
    expect(r.recall).toBeCloseTo(2 / 3, 12);
    expect(r.f1).toBeCloseTo(2 / 3, 12);
    expect(ref.precisionRecallF1([0, 0], [0, 0], 1)).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(() => ref.confusionMatrix([0], [0, 1], 2)).toThrow(RangeError);
    expect(() => ref.confusionMatrix([0, 3], [0, 1], 3)).toThrow(RangeError);
    expect(() => ref.precisionRecallF1([0, 1], [0], 1)).toThrow(RangeError);
  });

  it("dropoutForward keeps where u >= p, scales by 1/(1-p), and is the identity otherwise", () => {
    const x = rng.normal([4, 5]);
    const u = rng.uniform([4, 5]);
    const y = vals(ref.dropoutForward(x, 0.3, u, true));
    const xv = vals(x);
    vals(u).forEach((ui, i) => expect(y[i]).toBeCloseTo(ui >= 0.3 ? xv[i]! / 0.7 : 0, 5));
    expect(vals(ref.dropoutForward(x, 0.3, u, false))).toEqual(xv);
    expect(vals(ref.dropoutForward(x, 0, u, true))).toEqual(xv);
    expect(() => ref.dropoutForward(x, 1, u, true)).toThrow(RangeError);
  });
});

describe("lessons 11-12: building blocks with tfjs", () => {
  it("embeddingForward gathers rows; embeddingBackward accumulates repeated ids like tf.grad", () => {
    const table = rng.normal([6, 3]);
    const ids = tf.tensor2d([[0, 2, 2], [5, 0, 2]], [2, 3], "int32");
    const e = ref.embeddingForward(ids, table);
    expect(e.shape).toEqual([2, 3, 3]);
    expectAgree(e.slice([1, 0, 0], [1, 1, 3]).reshape([3]), table.slice([5, 0], [1, 3]).reshape([3]));
    const dOut = rng.normal([2, 3, 3]);
    const d = ref.embeddingBackward(dOut, ids, 6);
    expectAgree(d, tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, ids), dOut)))(table));
    const rows = vals(dOut);
    const want = new Float64Array(18);
    vals(ids).forEach((id, i) => {
      for (let c = 0; c < 3; c++) want[id * 3 + c] = (want[id * 3 + c] ?? 0) + rows[i * 3 + c]!;
    });
    expectAgree(d, { shape: [6, 3], values: want });
  });

  it("clipGradient is the identity forward and clips the gradient backward", () => {
    const x = rng.normal([8]);
    const w = tf.tensor1d([-3, -1, -0.2, 0, 0.2, 1, 3, 0.5]);
    expect(vals(ref.clipGradient(x, 0.5))).toEqual(vals(x));
    const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(ref.clipGradient(t, 0.5), w)))(x);
    expect(vals(g)).toEqual(vals(tf.clipByValue(w, -0.5, 0.5)));
  });

  it("inputSaliency is |∂ sum f / ∂x|", () => {
    const x = rng.normal([3, 4]);
    const f = (t: tf.Tensor2D): tf.Tensor1D => tf.sum(tf.mul(t, t), 1);
    expectAgree(ref.inputSaliency(f, x), tf.abs(tf.mul(x, 2)));
  });

  it("MyDense matches denseForward, trains, and survives roundTrip under its own className", async () => {
    const model = tf.sequential({ layers: [new ref.MyDense({ units: 3, activation: "relu", inputShape: [4] }), new ref.MyDense({ units: 1 })] });
    const [k1, b1, k2, b2] = [rng.normal([4, 3]), rng.normal([3]), rng.normal([3, 1]), rng.normal([1])];
    model.setWeights([k1!, b1!, k2!, b2!]);
    const x = rng.normal([8, 4]);
    const want = ref.denseForward(tf.relu(ref.denseForward(x, k1!, b1!)), k2!, b2!);
    expectAgree(model.predict(x) as tf.Tensor, want);
    expect(ref.MyDense.className).toBe("ReferenceMyDense");
    const loaded = await ref.roundTrip(model);
    expect(loaded.layers[0]!.getClassName()).toBe("ReferenceMyDense");
    expectAgree(loaded.predict(x) as tf.Tensor, want, { atol: 0, rtol: 0 });
    model.compile({ optimizer: tf.train.sgd(0.05), loss: "meanSquaredError" });
    const y = rng.normal([8, 1]);
    const h = await model.fit(x, y, { epochs: 20, batchSize: 8, shuffle: false, verbose: 0 });
    const loss = h.history.loss as number[];
    expect(loss[loss.length - 1]!).toBeLessThan(loss[0]!);
  });
});
