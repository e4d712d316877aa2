import * as tf from "@tensorflow/tfjs";

/** [t, t] float32: 1 on and below the diagonal, 0 above. */
export function causalMask(t: number): tf.Tensor2D {
  // TODO
  return tf.ones([t, t]);
}
