import * as tf from "@tensorflow/tfjs";

// Perturbs all elements at once (a directional derivative, not a gradient).

/** Centred-difference gradient of a scalar function f at x, one element at a time. */
export function numericalGradient(f: (x: tf.Tensor) => number, x: tf.Tensor, h: number): tf.Tensor {
  const base = x.dataSync().slice() as Float32Array;
  const grad = new Float32Array(base.length);
  const plus = f(tf.add(x, h));
  const minus = f(tf.sub(x, h));
  grad.fill((plus - minus) / (2 * h));
  return tf.tensor(grad, x.shape, "float32");
}

/** max_i |a_i - b_i| / max(1e-8, |a_i| + |b_i|). */
export function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => {
    const num = tf.abs(tf.sub(a, b));
    const den = tf.maximum(tf.add(tf.abs(a), tf.abs(b)), 1e-8);
    return tf.max(tf.div(num, den)).dataSync()[0]!;
  });
}
