// A student's mistake: adds the square instead of subtracting it in the tanh derivative.
// expect: none
import * as tf from "@tensorflow/tfjs";

export function relu(x: tf.Tensor): tf.Tensor {
  return tf.maximum(x, 0);
}

export function sigmoid(x: tf.Tensor): tf.Tensor {
  // exp(-x) may overflow to Infinity for x << 0: 1 / (1 + Infinity) = 0, which is the right limit.
  return tf.div(1, tf.add(1, tf.exp(tf.neg(x))));
}

export function tanh(x: tf.Tensor): tf.Tensor {
  // tanh(x) = sign(x) (1 - e^{-2|x|}) / (1 + e^{-2|x|}): the exponent is never positive.
  const e = tf.exp(tf.mul(-2, tf.abs(x)));
  return tf.mul(tf.sign(x), tf.div(tf.sub(1, e), tf.add(1, e)));
}

export function reluGrad(x: tf.Tensor): tf.Tensor {
  return tf.cast(tf.greater(x, 0), "float32");
}

export function sigmoidGrad(x: tf.Tensor): tf.Tensor {
  const s = sigmoid(x);
  return tf.mul(s, tf.sub(1, s));
}

export function tanhGrad(x: tf.Tensor): tf.Tensor {
  return tf.add(1, tf.square(tanh(x)));
}
