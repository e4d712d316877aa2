// Style: the log-sum-exp trick, lse = max + log Σ exp(z - max), then softmax = exp(z - lse).
import * as tf from "@tensorflow/tfjs";

// Folding the max back into lse rounds at the logits' own magnitude: at ±1e4 that costs a few 1e-4
// in float32, which the statement's wider tolerance for those cases allows.
export function softmax(logits: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const m = logits.max(1, true);
    const lse = m.add(logits.sub(m).exp().sum(1, true).log());
    return logits.sub(lse).exp() as tf.Tensor2D;
  });
}
