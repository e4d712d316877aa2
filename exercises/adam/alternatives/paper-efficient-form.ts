// Style: async; moments as lerps m + (1-β1)(g - m), and the Adam paper's "efficient" ordering:
// a step size α_t = η·sqrt(1-β2^t)/(1-β1^t) with ε rescaled to ε·sqrt(1-β2^t) (the same update).
import * as tf from "@tensorflow/tfjs";

export async function adamStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  state: { m: tf.Tensor; v: tf.Tensor; t: number },
  cfg: { lr: number; beta1: number; beta2: number; epsilon: number },
) {
  const t = state.t + 1;
  const sqrtC2 = Math.sqrt(1 - cfg.beta2 ** t);
  const alpha = (cfg.lr * sqrtC2) / (1 - cfg.beta1 ** t);
  const m = state.m.add(grad.sub(state.m).mul(1 - cfg.beta1));
  const v = state.v.add(
    grad
      .square()
      .sub(state.v)
      .mul(1 - cfg.beta2),
  );
  const denom = v.sqrt().add(cfg.epsilon * sqrtC2);
  const next = param.sub(m.div(denom).mul(alpha));
  return { param: next, state: { m, v, t } };
}
