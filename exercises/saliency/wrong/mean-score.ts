// A student's mistake: differentiates the mean score.
// expect: mutant.mean-instead-of-sum|diagnosis.scaled
import * as tf from "@tensorflow/tfjs";

/** |∂ sum(f(x)) / ∂x|, element-wise. */
export function inputSaliency(f: (x: tf.Tensor2D) => tf.Tensor1D, x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const g = tf.grad((input: tf.Tensor) => tf.mean(f(input as tf.Tensor2D)))(x);
    return tf.abs(g) as tf.Tensor2D;
  });
}
