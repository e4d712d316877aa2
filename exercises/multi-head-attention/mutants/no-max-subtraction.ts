import * as tf from "@tensorflow/tfjs";

// The softmax skips the max shift: large scores overflow.

export interface MhaParams {
  wq: tf.Tensor2D;
  wk: tf.Tensor2D;
  wv: tf.Tensor2D;
  wo: tf.Tensor2D;
  bq: tf.Tensor1D;
  bk: tf.Tensor1D;
  bv: tf.Tensor1D;
  bo: tf.Tensor1D;
}

function linear(x: tf.Tensor3D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  const [bsz, t, d] = x.shape;
  return tf.reshape(tf.add(tf.matMul(tf.reshape(x, [bsz * t, d]), w), b), [bsz, t, w.shape[1]]);
}

export function multiHeadAttention(x: tf.Tensor3D, p: MhaParams, numHeads: number, mask?: tf.Tensor3D): tf.Tensor3D {
  const [bsz, t, dModel] = x.shape;
  const dk = dModel / numHeads;
  return tf.tidy(() => {
    const split = (z: tf.Tensor3D): tf.Tensor3D =>
      tf.reshape(tf.transpose(tf.reshape(z, [bsz, t, numHeads, dk]), [0, 2, 1, 3]), [bsz * numHeads, t, dk]);
    const q = split(linear(x, p.wq, p.bq));
    const k = split(linear(x, p.wk, p.bk));
    const v = split(linear(x, p.wv, p.bv));
    const scores = tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk));
    const allowed =
      mask === undefined
        ? tf.onesLike(scores).cast("bool")
        : tf.greater(tf.reshape(tf.tile(tf.expandDims(mask, 1), [1, numHeads, 1, 1]), [bsz * numHeads, t, t]), 0.5);
    const e = tf.where(allowed, tf.exp(scores), tf.zerosLike(scores));
    const sum = tf.sum(e, -1, true);
    const weights = tf.div(e, tf.where(tf.greater(sum, 0), sum, tf.onesLike(sum))) as tf.Tensor3D;
    const heads = tf.matMul(weights, v);
    const merged = tf.reshape(tf.transpose(tf.reshape(heads, [bsz, numHeads, t, dk]), [0, 2, 1, 3]), [bsz, t, dModel]) as tf.Tensor3D;
    return linear(merged, p.wo, p.bo);
  });
}
