// A student's mistake: forgets the bias correction.
// expect: mutant.no-bias-correction
import * as tf from "@tensorflow/tfjs";

type AdamState = { m: tf.Tensor; v: tf.Tensor; t: number };
type AdamConfig = { lr: number; beta1: number; beta2: number; epsilon: number };

/** One Adam step with bias correction; state.t counts the steps already taken. */
export function adamStep(param: tf.Tensor, grad: tf.Tensor, state: AdamState, cfg: AdamConfig): { param: tf.Tensor; state: AdamState } {
  const t = state.t + 1;
  const m = tf.add(tf.mul(state.m, cfg.beta1), tf.mul(grad, 1 - cfg.beta1));
  const v = tf.add(tf.mul(state.v, cfg.beta2), tf.mul(tf.square(grad), 1 - cfg.beta2));
  const mHat = m;
  const vHat = v;
  const next = tf.sub(param, tf.div(tf.mul(mHat, cfg.lr), tf.add(tf.sqrt(vHat), cfg.epsilon)));
  return { param: next, state: { m, v, t } };
}
