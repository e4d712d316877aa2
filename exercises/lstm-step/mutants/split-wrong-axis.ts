import * as tf from "@tensorflow/tfjs";

// Splits z into interleaved columns instead of four contiguous blocks.

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
    const [zi, zf, zo, zg] = tf.split(tf.reshape(z, [-1, 4]), 4, 1).map((t) => tf.reshape(t, [z.shape[0], -1])) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
    const i = tf.sigmoid(zi);
    const f = tf.sigmoid(zf);
    const o = tf.sigmoid(zo);
    const g = tf.tanh(zg);
    const c = tf.add(tf.mul(f, cPrev), tf.mul(i, g)) as tf.Tensor2D;
    const h = tf.mul(o, tf.tanh(c)) as tf.Tensor2D;
    return { h, c };
  });
}
