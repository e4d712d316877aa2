import * as tf from "@tensorflow/tfjs";

export function embeddingForward(ids: tf.Tensor2D, table: tf.Tensor2D): tf.Tensor3D {
  // TODO: look up one row of the table per id.
  const [n, t] = ids.shape;
  return tf.zeros([n, t, table.shape[1]]);
}

export function embeddingBackward(dOut: tf.Tensor3D, ids: tf.Tensor2D, vocabSize: number): tf.Tensor2D {
  // TODO: add each position's gradient into the row of its id.
  void ids;
  return tf.zeros([vocabSize, dOut.shape[2]]);
}
