// A student's mistake: forgets the second feed-forward bias.
// expect: diagnosis.offset
import * as tf from "@tensorflow/tfjs";

type Attn = { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D; bq: tf.Tensor1D; bk: tf.Tensor1D; bv: tf.Tensor1D; bo: tf.Tensor1D };
type Norm = { gamma: tf.Tensor1D; beta: tf.Tensor1D };
export type EncoderParams = { attn: Attn; ln1: Norm; ln2: Norm; w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D };

const EPS = 1e-5;

/** [B, T, d]·[d, e] + [e] → [B, T, e]. */
function linear(x: tf.Tensor3D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  const [bsz, t, d] = x.shape;
  return tf.reshape(tf.add(tf.matMul(tf.reshape(x, [bsz * t, d]), w), b), [bsz, t, w.shape[1]]);
}

function layerNorm(x: tf.Tensor3D, { gamma, beta }: Norm): tf.Tensor3D {
  const mean = tf.mean(x, -1, true);
  const centred = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centred), -1, true);
  return tf.add(tf.mul(tf.div(centred, tf.sqrt(tf.add(variance, EPS))), gamma), beta) as tf.Tensor3D;
}

function mha(x: tf.Tensor3D, p: Attn, numHeads: number): tf.Tensor3D {
  const [bsz, t, dModel] = x.shape;
  const dk = dModel / numHeads;
  const split = (z: tf.Tensor3D): tf.Tensor3D =>
    tf.reshape(tf.transpose(tf.reshape(z, [bsz, t, numHeads, dk]), [0, 2, 1, 3]), [bsz * numHeads, t, dk]);
  const q = split(linear(x, p.wq, p.bq));
  const k = split(linear(x, p.wk, p.bk));
  const v = split(linear(x, p.wv, p.bv));
  const s = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk));
  const e = tf.exp(tf.sub(s, tf.max(s, -1, true)));
  const w = tf.div(e, tf.sum(e, -1, true)) as tf.Tensor3D;
  const heads = tf.matMul(w, v);
  const merged = tf.reshape(tf.transpose(tf.reshape(heads, [bsz, numHeads, t, dk]), [0, 2, 1, 3]), [bsz, t, dModel]) as tf.Tensor3D;
  return linear(merged, p.wo, p.bo);
}

/** Pre-norm block: h = x + MHA(LN1(x)); out = h + FFN(LN2(h)). */
export function encoderBlock(x: tf.Tensor3D, p: EncoderParams, numHeads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const h = tf.add(x, mha(layerNorm(x, p.ln1), p.attn, numHeads)) as tf.Tensor3D;
    const ffn = linear(tf.relu(linear(layerNorm(h, p.ln2), p.w1, p.b1)), p.w2, tf.zerosLike(p.b2));
    return tf.add(h, ffn) as tf.Tensor3D;
  });
}
