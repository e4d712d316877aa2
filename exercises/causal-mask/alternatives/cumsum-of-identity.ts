// Async; a running sum down the columns of the identity matrix: row i has ones wherever j <= i.
import * as tf from "@tensorflow/tfjs";

export async function causalMask(t: number): Promise<tf.Tensor2D> {
  return tf.cumsum(tf.eye(t), 0) as tf.Tensor2D;
}
