import * as tf from "@tensorflow/tfjs";

/** Gradients of y = x·w + b: dOut [N, M], x [N, D], w [D, M] → dx [N, D], dw [D, M], db [M]. */
export function denseBackward(
  dOut: tf.Tensor2D,
  x: tf.Tensor2D,
  w: tf.Tensor2D,
): { dx: tf.Tensor2D; dw: tf.Tensor2D; db: tf.Tensor1D } {
  // TODO: apply the chain rule (see the statement).
  return { dx: tf.zerosLike(x), dw: tf.zerosLike(w), db: tf.zeros([dOut.shape[1]]) };
}
