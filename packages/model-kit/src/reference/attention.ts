import * as tf from "@tensorflow/tfjs";
import { assertRank } from "./util.ts";

/** [t, t] float32: 1 on and below the diagonal, 0 above. */
export function causalMask(t: number): tf.Tensor2D {
  if (!Number.isInteger(t) || t < 1) throw new RangeError(`t must be an integer >= 1, got ${t}`);
  return tf.tidy(() => tf.linalg.bandPart(tf.ones([t, t]), -1, 0) as tf.Tensor2D);
}

/**
 * softmax(q·kᵀ / sqrt(d)) · v. mask[b,i,j] = 1 lets query i attend to key j. Masked weights are
 * exactly 0; a query with every key masked gets all-zero weights and a zero output.
 */
export function scaledDotProductAttention(
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
  mask?: tf.Tensor,
): { output: tf.Tensor3D; weights: tf.Tensor3D } {
  assertRank(q, 3, "q");
  assertRank(k, 3, "k");
  assertRank(v, 3, "v");
  const d = q.shape[2] as number;
  return tf.tidy(() => {
    const scores = tf.div(tf.matMul(q as tf.Tensor3D, k as tf.Tensor3D, false, true), Math.sqrt(d));
    let weights: tf.Tensor;
    if (mask === undefined) {
      const z = tf.sub(scores, tf.max(scores, -1, true));
      const e = tf.exp(z);
      weights = tf.div(e, tf.sum(e, -1, true));
    } else {
      const allowed = tf.notEqual(mask, 0);
      const negInf = tf.fill(scores.shape, -Infinity);
      const rowMax = tf.max(tf.where(allowed, scores, negInf), -1, true);
      const safeMax = tf.where(tf.isFinite(rowMax), rowMax, tf.zerosLike(rowMax));
      const e = tf.where(allowed, tf.exp(tf.sub(scores, safeMax)), tf.zerosLike(scores));
      const sum = tf.sum(e, -1, true);
      const safeSum = tf.where(tf.greater(sum, 0), sum, tf.onesLike(sum));
      weights = tf.div(e, safeSum);
    }
    return { output: tf.matMul(weights as tf.Tensor3D, v as tf.Tensor3D) as tf.Tensor3D, weights: weights as tf.Tensor3D };
  });
}

/** Gradients of the unmasked attention output w.r.t. q, k and v given dOut. */
export function attentionBackward(
  dOut: tf.Tensor,
  q: tf.Tensor,
  k: tf.Tensor,
  v: tf.Tensor,
): { dq: tf.Tensor3D; dk: tf.Tensor3D; dv: tf.Tensor3D } {
  const d = q.shape[2] as number;
  return tf.tidy(() => {
    const { weights: p } = scaledDotProductAttention(q, k, v);
    const dO = dOut as tf.Tensor3D;
    const dv = tf.matMul(p, dO, true, false);
    const dP = tf.matMul(dO, v as tf.Tensor3D, false, true);
    const dS = tf.mul(p, tf.sub(dP, tf.sum(tf.mul(dP, p), -1, true)));
    const scale = 1 / Math.sqrt(d);
    return {
      dq: tf.mul(tf.matMul(dS, k as tf.Tensor3D), scale) as tf.Tensor3D,
      dk: tf.mul(tf.matMul(dS, q as tf.Tensor3D, true, false), scale) as tf.Tensor3D,
      dv: dv as tf.Tensor3D,
    };
  });
}
