import * as tf from "@tensorflow/tfjs";

// tf.valueAndGrad (the value is simply ignored), with method chaining.
export function inputSaliency(f: (x: tf.Tensor2D) => tf.Tensor1D, x: tf.Tensor2D) {
  const { grad } = tf.valueAndGrad((t: tf.Tensor) => f(t as tf.Tensor2D).sum())(x);
  return grad.abs() as tf.Tensor2D;
}
