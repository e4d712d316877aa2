// Style: the drop mask as tf.step(p - u) (1 where u < p), kept = 1 - drop, multiplied by a scale tensor; training ignored only through p = 0 arithmetic.
import * as tf from "@tensorflow/tfjs";

export function dropoutForward(x: tf.Tensor, p: number, u: tf.Tensor, training: boolean): tf.Tensor {
  if (!training) return tf.mul(x, 1);
  return tf.tidy(() => {
    const dropped = tf.step(tf.sub(tf.scalar(p), u)); // step(0) = 0: u = p is kept
    const kept = tf.sub(1, dropped);
    return tf.mul(tf.mul(x, kept), tf.scalar(1 / (1 - p)));
  });
}
