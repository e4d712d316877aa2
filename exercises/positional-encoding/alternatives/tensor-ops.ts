import * as tf from "@tensorflow/tfjs";

// Outer product of positions and frequencies, then sin/cos picked per column parity with tf.where.
export function positionalEncoding(seqLen: number, dModel: number) {
  const pos = tf.range(0, seqLen).reshape([seqLen, 1]);
  const cols = tf.range(0, dModel);
  const pairStart = cols.sub(cols.mod(2));
  const freq = tf.exp(pairStart.mul(-Math.log(10000) / dModel)).reshape([1, dModel]);
  const angles = pos.mul(freq);
  const even = tf.equal(cols.mod(2), 0).reshape([1, dModel]).tile([seqLen, 1]);
  return tf.where(even, angles.sin(), angles.cos()) as tf.Tensor2D;
}
