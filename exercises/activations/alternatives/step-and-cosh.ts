// Style: relu as (x + |x|) / 2, reluGrad via tf.step, sigmoid as (1 + tanh(x/2)) / 2 with tanh from a
// clipped exp, and derivatives as squared hyperbolic secants (1 / cosh²).
import * as tf from "@tensorflow/tfjs";

export function relu(x: tf.Tensor): tf.Tensor {
  return x.add(x.abs()).div(2);
}

export function tanh(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => {
    // Beyond |x| = 15, tanh is ±1 in float32; clipping keeps e^{2x} finite.
    const e2 = tf.exp(x.clipByValue(-15, 15).mul(2));
    return e2.sub(1).div(e2.add(1));
  });
}

export function sigmoid(x: tf.Tensor): tf.Tensor {
  return tf.tidy(() => tanh(x.div(2)).add(1).mul(0.5));
}

export function reluGrad(x: tf.Tensor): tf.Tensor {
  return tf.step(x);
}

export function tanhGrad(x: tf.Tensor): tf.Tensor {
  // sech²(x) = 1 / cosh²(x); cosh overflows to Infinity for large |x| and 1 / Infinity = 0.
  return tf.tidy(() => tf.div(1, tf.square(tf.cosh(x))));
}

export function sigmoidGrad(x: tf.Tensor): tf.Tensor {
  // σ'(x) = sech²(x/2) / 4.
  return tf.tidy(() => tanhGrad(x.div(2)).div(4));
}
