import * as tf from "@tensorflow/tfjs";

/** v = momentum·v - lr·grad; param = param + v. */
export function sgdMomentumStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  velocity: tf.Tensor,
  cfg: { lr: number; momentum: number },
): { param: tf.Tensor; velocity: tf.Tensor } {
  return tf.tidy(() => {
    const v = tf.sub(tf.mul(velocity, cfg.momentum), tf.mul(grad, cfg.lr));
    return { param: tf.add(param, v), velocity: v };
  });
}

export interface AdamState {
  m: tf.Tensor;
  v: tf.Tensor;
  /** Steps already taken (0 before the first call). */
  t: number;
}

/** One Adam step with bias correction; returns the new param and state (t + 1). */
export function adamStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  state: AdamState,
  cfg: { lr: number; beta1: number; beta2: number; epsilon: number },
): { param: tf.Tensor; state: AdamState } {
  const t = state.t + 1;
  return tf.tidy(() => {
    const m = tf.add(tf.mul(state.m, cfg.beta1), tf.mul(grad, 1 - cfg.beta1));
    const v = tf.add(tf.mul(state.v, cfg.beta2), tf.mul(tf.square(grad), 1 - cfg.beta2));
    const mHat = tf.div(m, 1 - Math.pow(cfg.beta1, t));
    const vHat = tf.div(v, 1 - Math.pow(cfg.beta2, t));
    const p = tf.sub(param, tf.div(tf.mul(mHat, cfg.lr), tf.add(tf.sqrt(vHat), cfg.epsilon)));
    return { param: p, state: { m, v, t } };
  });
}
