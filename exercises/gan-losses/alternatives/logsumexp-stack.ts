// Style: -log σ(l) = logSumExp([0, -l]) over a stacked axis, returning scalar tensors (no tf.tidy).
import * as tf from "@tensorflow/tfjs";

/** -log σ(l) element-wise, as log(e^0 + e^{-l}). */
function negLogSigmoid(l: tf.Tensor1D): tf.Tensor1D {
  return tf.logSumExp(tf.stack([tf.zerosLike(l), tf.neg(l)]), 0) as tf.Tensor1D;
}

export function discriminatorLoss(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): tf.Scalar {
  // -log(1 - σ(l)) = -log σ(-l)
  return tf.add(negLogSigmoid(realLogits).mean(), negLogSigmoid(tf.neg(fakeLogits)).mean());
}

export function generatorLoss(fakeLogits: tf.Tensor1D): tf.Scalar {
  return negLogSigmoid(fakeLogits).mean();
}
