// Style: plain JS loop in float64 over dataSync(), new tensors built with tf.tensor(values, shape).
import * as tf from "@tensorflow/tfjs";

export function adamStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  state: { m: tf.Tensor; v: tf.Tensor; t: number },
  cfg: { lr: number; beta1: number; beta2: number; epsilon: number },
) {
  const p = param.dataSync();
  const g = grad.dataSync();
  const m0 = state.m.dataSync();
  const v0 = state.v.dataSync();
  const t = state.t + 1;
  const c1 = 1 - Math.pow(cfg.beta1, t);
  const c2 = 1 - Math.pow(cfg.beta2, t);
  const P: number[] = [];
  const M: number[] = [];
  const V: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const mi = cfg.beta1 * m0[i]! + (1 - cfg.beta1) * g[i]!;
    const vi = cfg.beta2 * v0[i]! + (1 - cfg.beta2) * g[i]! * g[i]!;
    M.push(mi);
    V.push(vi);
    P.push(p[i]! - (cfg.lr * (mi / c1)) / (Math.sqrt(vi / c2) + cfg.epsilon));
  }
  const shape = param.shape;
  return {
    param: tf.tensor(P, shape),
    state: { m: tf.tensor(M, shape), v: tf.tensor(V, shape), t },
  };
}
