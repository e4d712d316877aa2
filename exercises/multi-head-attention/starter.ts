import * as tf from "@tensorflow/tfjs";

export interface MhaParams {
  wq: tf.Tensor2D;
  wk: tf.Tensor2D;
  wv: tf.Tensor2D;
  wo: tf.Tensor2D;
  bq: tf.Tensor1D;
  bk: tf.Tensor1D;
  bv: tf.Tensor1D;
  bo: tf.Tensor1D;
}

export function multiHeadAttention(x: tf.Tensor3D, p: MhaParams, numHeads: number, mask?: tf.Tensor3D): tf.Tensor3D {
  // TODO: project, split into heads, attend, merge, project.
  void p;
  void numHeads;
  void mask;
  return tf.zerosLike(x);
}
