import * as tf from "@tensorflow/tfjs";

export const relu = (x: tf.Tensor): tf.Tensor => tf.relu(x);
export const sigmoid = (x: tf.Tensor): tf.Tensor => tf.sigmoid(x);
export const tanh = (x: tf.Tensor): tf.Tensor => tf.tanh(x);

/** 1 where x > 0, else 0 (so reluGrad(0) = 0), float32. */
export function reluGrad(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.cast(tf.greater(x, 0), "float32"));
}

/** σ(x)(1 - σ(x)). */
export function sigmoidGrad(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    const s = tf.sigmoid(x);
    return tf.mul(s, tf.sub(1, s));
  });
}

/** 1 - tanh(x)². */
export function tanhGrad(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tf.sub(1, tf.square(tf.tanh(x))));
}
