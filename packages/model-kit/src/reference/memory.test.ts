import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, it } from "vitest";
import { createRng } from "../rng.ts";
import * as ref from "./index.ts";

beforeAll(async () => {
  await tf.setBackend("cpu");
});

/** Collect every tensor in a result (objects, arrays, numbers ignored). */
function tensorsIn(v: unknown): tf.Tensor[] {
  if (v instanceof tf.Tensor) return [v];
  if (Array.isArray(v)) return v.flatMap(tensorsIn);
  if (typeof v === "object" && v !== null) return Object.values(v).flatMap(tensorsIn);
  return [];
}

describe("references leave only their outputs behind", () => {
  const rng = createRng(5);
  const x2 = rng.normal([4, 3]);
  const w = rng.normal([3, 2]);
  const b = rng.normal([2]);
  const q = rng.normal([1, 3, 4]);
  const labels = rng.intTensor([4], 0, 2);
  const img = rng.normal([1, 5, 5, 2]);
  const filt = rng.normal([3, 3, 2, 2]);
  const d = 4;
  const attn = { wq: rng.normal([d, d]), wk: rng.normal([d, d]), wv: rng.normal([d, d]), wo: rng.normal([d, d]), bq: rng.normal([d]), bk: rng.normal([d]), bv: rng.normal([d]), bo: rng.normal([d]) };
  const ln = { gamma: rng.normal([d]), beta: rng.normal([d]) };
  const dOut2 = rng.normal([4, 2]);
  const logits = tf.matMul(x2, w);
  const zeros42 = tf.zeros([4, 2]);
  const ones4 = tf.ones([4]);
  const w2 = rng.normal([2, 2]);
  const m0 = tf.zeros([2]);
  const dImg = rng.normal([1, 5, 5, 2]);
  const dPool = rng.normal([1, 2, 2, 2]);
  const h0 = rng.normal([1, 2]);
  const wx = rng.normal([4, 2]);
  const wh = rng.normal([2, 2]);
  const mask = tf.ones([1, 3, 3]);
  const enc = { attn, ln1: ln, ln2: ln, w1: rng.normal([d, 8]), b1: rng.normal([8]), w2: rng.normal([8, d]), b2: rng.normal([d]) };
  const dEmb = rng.normal([2, 2, 3]);
  const ids = tf.tensor2d([[0, 1], [1, 1]], [2, 2], "int32");
  const table = rng.normal([3, 12]);
  const xl = rng.normal([1, 2]);
  const wl = rng.normal([2, 8]);
  const bl = rng.normal([8]);
  const g3 = rng.normal([3]);
  const calls: [string, () => unknown][] = [
    ["denseForward", () => ref.denseForward(x2, w, b)],
    ["denseBackward", () => ref.denseBackward(dOut2, x2, w)],
    ["softmax", () => ref.softmax(logits)],
    ["softmaxCrossEntropy", () => ref.softmaxCrossEntropy(logits, labels)],
    ["mseLoss", () => ref.mseLoss(logits, zeros42)],
    ["fitLinearRegression", () => ref.fitLinearRegression(x2, ones4, 0.1, 5)],
    ["mlpTrainStep", () => ref.mlpTrainStep({ w1: w, b1: b, w2, b2: b }, x2, zeros42, 0.5)],
    ["numericalGradient", () => ref.numericalGradient((t) => tf.tidy(() => tf.sum(t).dataSync()[0]!), x2, 1e-2)],
    ["adamStep", () => ref.adamStep(b, b, { m: m0, v: m0, t: 0 }, { lr: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 })],
    ["conv2dBackward", () => ref.conv2dBackward(dImg, img, filt, 1, 1)],
    ["maxPoolBackward", () => ref.maxPoolBackward(dPool, img, 2, 2)],
    ["rnnForward", () => ref.rnnForward(q, h0, wx, wh, b)],
    ["scaledDotProductAttention", () => ref.scaledDotProductAttention(q, q, q, mask)],
    ["attentionBackward", () => ref.attentionBackward(q, q, q, q)],
    ["multiHeadAttention", () => ref.multiHeadAttention(q, attn, 2, mask)],
    ["encoderBlock", () => ref.encoderBlock(q, enc, 2)],
    ["discriminatorLoss", () => ref.discriminatorLoss(b, b)],
    ["fitStandardizer", () => ref.fitStandardizer(x2)],
    ["dropoutForward", () => ref.dropoutForward(x2, 0.5, x2, true)],
    ["embeddingBackward", () => ref.embeddingBackward(dEmb, ids, 3)],
    ["embeddingForward", () => ref.embeddingForward(ids, table)],
    ["clipGradient", () => ref.clipGradient(x2, 0.1)],
    ["lstmStep", () => ref.lstmStep(xl, h0, h0, wl, wl, bl)],
    ["layerNorm", () => ref.layerNorm(x2, g3, g3, 1e-5)],
    ["causalMask", () => ref.causalMask(3)],
    ["positionalEncoding", () => ref.positionalEncoding(3, 4)],
    ["generatorLoss", () => ref.generatorLoss(b)],
    ["inputSaliency", () => ref.inputSaliency((t) => tf.sum(t, 1) as tf.Tensor1D, x2)],
  ];
  for (const [name, call] of calls) {
    it(name, () => {
      const before = tf.memory().numTensors;
      const out = tensorsIn(call());
      expect(tf.memory().numTensors - before).toBe(out.length);
      tf.dispose(out);
      expect(tf.memory().numTensors).toBe(before);
    });
  }
});
