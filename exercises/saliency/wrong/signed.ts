// A student's mistake: forgets the absolute value.
// expect: mutant.signed-gradient
import * as tf from "@tensorflow/tfjs";

/** |∂ sum(f(x)) / ∂x|, element-wise. */
export function inputSaliency(f: (x: tf.Tensor2D) => tf.Tensor1D, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const g = tf.grad((input: tf.Tensor) => tf.sum(f(input as tf.Tensor2D)))(x);
    return g as tf.Tensor2D;
  });
}
