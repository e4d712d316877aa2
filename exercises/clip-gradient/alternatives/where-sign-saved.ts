// Style: forward value x·1 with save([x]); gradient as tf.where(|dy| > c, sign(dy)·c, dy), returned as a one-element array.
import * as tf from "@tensorflow/tfjs";

export function clipGradient(x: tf.Tensor, clip: number): tf.Tensor {
  const clipped = tf.customGrad((input, save) => {
    const t = input as tf.Tensor;
    (save as tf.GradSaveFunc)([t]);
    return {
      value: tf.mul(t, 1),
      gradFunc: (dy: tf.Tensor) => [tf.where(tf.greater(tf.abs(dy), clip), tf.mul(tf.sign(dy), clip), dy)],
    };
  });
  return clipped(x) as tf.Tensor;
}
