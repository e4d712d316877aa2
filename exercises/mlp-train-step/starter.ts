import * as tf from "@tensorflow/tfjs";

interface Params {
  w1: tf.Tensor2D;
  b1: tf.Tensor1D;
  w2: tf.Tensor2D;
  b2: tf.Tensor1D;
}

/** One SGD step of a sigmoid → sigmoid network on the mean squared error. */
export function mlpTrainStep(params: Params, x: tf.Tensor2D, y: tf.Tensor2D, lr: number): { params: Params; loss: number } {
  // TODO: forward, loss, backward, update.
  void x;
  void y;
  void lr;
  return { params, loss: 0 };
}
