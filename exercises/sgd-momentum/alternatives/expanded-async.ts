// Style: async export; the parameter update expanded as θ + μv - ηg (not reusing the new velocity),
// hyper-parameters as scalar tensors, everything inside tf.tidy.
import * as tf from "@tensorflow/tfjs";

export async function sgdMomentumStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  velocity: tf.Tensor,
  cfg: { lr: number; momentum: number },
) {
  const out = tf.tidy(() => {
    const mu = tf.scalar(cfg.momentum);
    const eta = tf.scalar(cfg.lr);
    const carried = tf.mul(mu, velocity);
    const pushed = tf.mul(eta, grad);
    return { param: tf.sub(tf.add(param, carried), pushed), velocity: tf.sub(carried, pushed) };
  });
  return out;
}
