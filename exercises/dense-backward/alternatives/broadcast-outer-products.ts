// Style: no matMul: every sum of the chain rule as a broadcast product reduced over the summed index
// (dx over m, dw over n as a sum of per-example outer products), db through unstacked rows.
import * as tf from "@tensorflow/tfjs";

export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  return tf.tidy(() => {
    const dx = tf.sum(tf.mul(tf.expandDims(dOut, 1), tf.expandDims(w, 0)), 2) as tf.Tensor2D; // [N,1,M]*[1,D,M]
    const dw = tf.sum(tf.mul(tf.expandDims(x, 2), tf.expandDims(dOut, 1)), 0) as tf.Tensor2D; // [N,D,1]*[N,1,M]
    const db = tf.addN(tf.unstack(dOut)) as tf.Tensor1D;
    return { dx, dw, db };
  });
}
