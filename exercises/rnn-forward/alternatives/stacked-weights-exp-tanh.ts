// One matMul per step on [x, h] against the stacked weights [wx; wh]; tanh written as 2·sigmoid(2z) − 1 with tf.exp; time steps taken with tf.gather; no tidy.
import * as tf from "@tensorflow/tfjs";

function tanhViaExp(z: tf.Tensor): tf.Tensor {
  return tf.sub(tf.div(2, tf.add(1, tf.exp(tf.mul(z, -2)))), 1);
}

export function rnnStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  const joint = tf.concat([x, hPrev], 1);
  const w = tf.concat([wx, wh], 0);
  return tanhViaExp(tf.matMul(joint, w).add(b)) as tf.Tensor2D;
}

export async function rnnForward(x: tf.Tensor3D, h0: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): Promise<tf.Tensor3D> {
  const [, t, d] = x.shape;
  let h = h0;
  const states: tf.Tensor2D[] = [];
  for (let s = 0; s < t; s++) {
    const xt = tf.gather(x, [s], 1).reshape([-1, d]) as tf.Tensor2D;
    h = rnnStep(xt, h, wx, wh, b);
    states.push(h);
  }
  return tf.stack(states, 1) as tf.Tensor3D;
}
