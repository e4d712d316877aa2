// Nested JS arrays built with Array.from and a comparison, turned into a tensor with tf.tensor2d (float32 by default).
import * as tf from "@tensorflow/tfjs";

export function causalMask(t: number): tf.Tensor2D {
  const rows = Array.from({ length: t }, (_, i) => Array.from({ length: t }, (_, j) => (j <= i ? 1 : 0)));
  return tf.tensor2d(rows, [t, t]);
}
