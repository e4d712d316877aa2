import * as tf from "@tensorflow/tfjs";
import { positionalEncoding as positionalEncoding64 } from "../float64/core.ts";
import { scaledDotProductAttention } from "./attention.ts";
import { assertRank } from "./util.ts";

/** PE[p,2i] = sin(p / 10000^(2i/dModel)), PE[p,2i+1] = cos(same); angles computed in float64. */
export function positionalEncoding(seqLen: number, dModel: number): tf.Tensor2D {
  if (!Number.isInteger(seqLen) || !Number.isInteger(dModel) || seqLen < 1 || dModel < 1) {
    throw new RangeError("seqLen and dModel must be positive integers");
  }
  return tf.tensor2d(Float32Array.from(positionalEncoding64(seqLen, dModel).values), [seqLen, dModel]);
}

/** Layer norm over the last axis, biased variance: (x - mean)/sqrt(var + eps)·gamma + beta. */
export function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor, eps: number): tf.Tensor2D {
  return tf.tidy(() => {
    const mean = tf.mean(x, -1, true);
    const centred = tf.sub(x, mean);
    const variance = tf.mean(tf.square(centred), -1, true);
    return tf.add(tf.mul(tf.div(centred, tf.sqrt(tf.add(variance, eps))), gamma), beta) as tf.Tensor2D;
  });
}

export interface MhaParams {
  wq: tf.Tensor;
  wk: tf.Tensor;
  wv: tf.Tensor;
  wo: tf.Tensor;
  bq: tf.Tensor;
  bk: tf.Tensor;
  bv: tf.Tensor;
  bo: tf.Tensor;
}

/** x[B,T,d]·w[d,e] + b[e]. */
function linear3d(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const [B, T, d] = x.shape as [number, number, number];
  const e = w.shape[1] as number;
  return tf.reshape(tf.add(tf.matMul(tf.reshape(x, [B * T, d]) as tf.Tensor2D, w as tf.Tensor2D), b), [B, T, e]);
}

/** Multi-head self-attention; head h uses feature block [h·dk, (h+1)·dk); mask[B,T,T] applies to every head. */
export function multiHeadAttention(x: tf.Tensor, p: MhaParams, numHeads: number, mask?: tf.Tensor): tf.Tensor3D {
  assertRank(x, 3, "x");
  const [B, T, dModel] = x.shape as [number, number, number];
  if (!Number.isInteger(numHeads) || numHeads < 1 || dModel % numHeads !== 0) {
    throw new RangeError(`numHeads must divide dModel (${dModel}), got ${numHeads}`);
  }
  const dk = dModel / numHeads;
  return tf.tidy(() => {
    const split = (t: tf.Tensor): tf.Tensor3D =>
      tf.reshape(tf.transpose(tf.reshape(t, [B, T, numHeads, dk]), [0, 2, 1, 3]), [B * numHeads, T, dk]) as tf.Tensor3D;
    const q = split(linear3d(x, p.wq, p.bq));
    const k = split(linear3d(x, p.wk, p.bk));
    const v = split(linear3d(x, p.wv, p.bv));
    const m =
      mask === undefined ? undefined : tf.reshape(tf.tile(tf.expandDims(mask, 1), [1, numHeads, 1, 1]), [B * numHeads, T, T]);
    const { output } = scaledDotProductAttention(q, k, v, m);
    const merged = tf.reshape(tf.transpose(tf.reshape(output, [B, numHeads, T, dk]), [0, 2, 1, 3]), [B, T, dModel]);
    return linear3d(merged, p.wo, p.bo) as tf.Tensor3D;
  });
}

export interface EncoderParams {
  attn: MhaParams;
  ln1: { gamma: tf.Tensor; beta: tf.Tensor };
  ln2: { gamma: tf.Tensor; beta: tf.Tensor };
  w1: tf.Tensor;
  b1: tf.Tensor;
  w2: tf.Tensor;
  b2: tf.Tensor;
}

/** Pre-norm encoder block: h = x + MHA(LN1(x)); out = h + relu(LN2(h)·w1 + b1)·w2 + b2; eps 1e-5. */
export function encoderBlock(x: tf.Tensor, p: EncoderParams, numHeads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const h = tf.add(x, multiHeadAttention(layerNorm(x, p.ln1.gamma, p.ln1.beta, 1e-5), p.attn, numHeads));
    const ffn = linear3d(tf.relu(linear3d(layerNorm(h, p.ln2.gamma, p.ln2.beta, 1e-5), p.w1, p.b1)), p.w2, p.b2);
    return tf.add(h, ffn) as tf.Tensor3D;
  });
}
