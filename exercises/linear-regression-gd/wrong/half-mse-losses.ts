// A student's mistake: records the ½-MSE as the loss.
// expect: diagnosis.scaled
import * as tf from "@tensorflow/tfjs";

/** Full-batch gradient descent on the mean squared error from w = 0, b = 0. */
export function fitLinearRegression(x: tf.Tensor2D, y: tf.Tensor1D, lr: number, steps: number): { w: tf.Tensor1D; b: number; losses: number[] } {
  const [n, d] = x.shape;
  let w: tf.Tensor1D = tf.zeros([d]);
  let b = 0;
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    const [loss, dw, db] = tf.tidy(() => {
      const pred = tf.add(tf.squeeze(tf.matMul(x, tf.reshape(w, [d, 1])), [1]), b);
      const r = tf.sub(pred, y);
      const l = tf.mean(tf.square(r)).dataSync()[0]! / 2;
      const gw = tf.mul(tf.squeeze(tf.matMul(x, tf.reshape(r, [n, 1]), true, false), [1]), 2 / n) as tf.Tensor1D;
      const gb = tf.mean(r).dataSync()[0]! * 2;
      return [l, gw, gb] as const;
    });
    losses.push(loss);
    const next = tf.sub(w, tf.mul(dw, lr)) as tf.Tensor1D;
    w.dispose();
    dw.dispose();
    w = next;
    b -= lr * db;
  }
  return { w, b, losses };
}
