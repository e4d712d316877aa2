import * as tf from "@tensorflow/tfjs";

/** Gradients of softmax(q·kᵀ/sqrt(d))·v w.r.t. q, k, v, given dOut. */
export function attentionBackward(
  dOut: tf.Tensor3D,
  q: tf.Tensor3D,
  k: tf.Tensor3D,
  v: tf.Tensor3D,
): { dq: tf.Tensor3D; dk: tf.Tensor3D; dv: tf.Tensor3D } {
  // TODO: recompute P, then go backwards through O = PV, the softmax and S = QKᵀ/sqrt(d).
  void dOut;
  return { dq: tf.zerosLike(q), dk: tf.zerosLike(k), dv: tf.zerosLike(v) };
}
