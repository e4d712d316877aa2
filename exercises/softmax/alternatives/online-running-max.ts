// Style: "online" softmax: one pass over the class columns keeps a running max and a running sum,
// rescaling the sum whenever the max grows; multiply by the reciprocal at the end.
import * as tf from "@tensorflow/tfjs";

export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [n, c] = logits.shape;
    const cols = tf.split(logits, c, 1); // C tensors of shape [N, 1]
    let runMax: tf.Tensor = cols[0]!;
    let runSum: tf.Tensor = tf.ones([n, 1]);
    for (let j = 1; j < c; j++) {
      const newMax = tf.maximum(runMax, cols[j]!);
      runSum = runSum.mul(tf.exp(runMax.sub(newMax))).add(tf.exp(cols[j]!.sub(newMax)));
      runMax = newMax;
    }
    return tf.exp(logits.sub(runMax)).mul(tf.reciprocal(runSum)) as tf.Tensor2D;
  });
}
