// A student's mistake: steps by the raw gradient, without the learning rate.
// expect: none
import * as tf from "@tensorflow/tfjs";

interface Params {
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
}

/** One SGD step of a sigmoid → sigmoid network on the mean squared error. */
export function mlpTrainStep(params: Params, x: tf.Tensor2D, y: tf.Tensor2D, lr: number): { params: Params; loss: number } {
  const { w1, b1, w2, b2 } = params;
  return tf.tidy(() => {
    const h = tf.sigmoid(tf.add(tf.matMul(x, w1), b1));
    const out = tf.sigmoid(tf.add(tf.matMul(h, w2), b2));
    const diff = tf.sub(out, y);
    const loss = tf.mean(tf.square(diff)).dataSync()[0]!;
    const d2 = tf.mul(tf.mul(diff, 2 / out.size), tf.mul(out, tf.sub(1, out)));
    const dw2 = tf.matMul(h, d2, true, false);
    const db2 = tf.sum(d2, 0);
    const d1 = tf.mul(tf.matMul(d2, w2, false, true), tf.mul(h, tf.sub(1, h)));
    const dw1 = tf.matMul(x, d1, true, false);
    const db1 = tf.sum(d1, 0);
    const step = <T extends tf.Tensor>(p: T, g: tf.Tensor): T => tf.sub(p, g) as T;
    return { params: { w1: step(w1, dw1), b1: step(b1, db1), w2: step(w2, dw2), b2: step(b2, db2) }, loss };
  });
}
