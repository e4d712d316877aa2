// Style: a TensorBuffer edited with multi-dimensional get/set (indexToLoc), differences taken in
// float64, and relativeError returned as a scalar tensor.
import * as tf from "@tensorflow/tfjs";

export function numericalGradient(f: (x: tf.Tensor) => number, x: tf.Tensor, h: number): tf.Tensor {
  const buf = tf.buffer(x.shape, "float32", Float32Array.from(x.dataSync()));
  const grad = tf.buffer(x.shape, "float32");
  for (let flat = 0; flat < x.size; flat++) {
    const loc = buf.indexToLoc(flat);
    const orig = buf.get(...loc);
    buf.set(orig + h, ...loc);
    const fPlus = f(buf.toTensor());
    buf.set(orig - h, ...loc);
    const fMinus = f(buf.toTensor());
    buf.set(orig, ...loc);
    grad.set((fPlus - fMinus) / (2 * h), ...loc);
  }
  return grad.toTensor();
}

export function relativeError(a: tf.Tensor, b: tf.Tensor): tf.Scalar {
  const denom = tf.maximum(tf.scalar(1e-8), a.abs().add(b.abs()));
  return a.sub(b).abs().div(denom).max() as tf.Scalar;
}
