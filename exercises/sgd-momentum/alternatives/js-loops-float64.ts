// Style: plain JS loop in float64 over dataSync(), results back with tf.tensor(values, shape).
import * as tf from "@tensorflow/tfjs";

export function sgdMomentumStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  velocity: tf.Tensor,
  cfg: { lr: number; momentum: number },
) {
  const p = param.dataSync();
  const g = grad.dataSync();
  const v = velocity.dataSync();
  const newP: number[] = [];
  const newV: number[] = [];
  for (let i = 0; i < p.length; i++) {
    const vi = cfg.momentum * v[i]! - cfg.lr * g[i]!;
    newV.push(vi);
    newP.push(p[i]! + vi);
  }
  return { param: tf.tensor(newP, param.shape), velocity: tf.tensor(newV, velocity.shape) };
}
