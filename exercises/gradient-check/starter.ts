import * as tf from "@tensorflow/tfjs";

/** Centred-difference gradient of a scalar function f at x, one element at a time. */
export function numericalGradient(f: (x: tf.Tensor) => number, x: tf.Tensor, h: number): tf.Tensor {
  // TODO
  void f;
  void h;
  return tf.zerosLike(x);
}

/** max_i |a_i - b_i| / max(1e-8, |a_i| + |b_i|). */
export function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  // TODO
  void a;
  void b;
  return 0;
}
