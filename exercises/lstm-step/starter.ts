import type * as tf from "@tensorflow/tfjs";

/** Gates in the order input, forget, output, candidate. */
export function lstmStep(
  x: tf.Tensor2D,
  hPrev: tf.Tensor2D,
  cPrev: tf.Tensor2D,
  wx: tf.Tensor2D,
  wh: tf.Tensor2D,
  b: tf.Tensor1D,
): { h: tf.Tensor2D; c: tf.Tensor2D } {
  // TODO
  void x;
  void wx;
  void wh;
  void b;
  return { h: hPrev.clone(), c: cPrev.clone() };
}
