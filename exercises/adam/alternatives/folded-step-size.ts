import * as tf from "@tensorflow/tfjs";

// Same maths, correction factors computed first and the update written with method chaining.
export function adamStep(
  param: tf.Tensor,
  grad: tf.Tensor,
  state: { m: tf.Tensor; v: tf.Tensor; t: number },
  { lr, beta1, beta2, epsilon }: { lr: number; beta1: number; beta2: number; epsilon: number },
) {
  const step = state.t + 1;
  const c1 = 1 / (1 - beta1 ** step);
  const c2 = 1 / (1 - beta2 ** step);
  const m = state.m.mul(beta1).add(grad.mul(1 - beta1));
  const v = state.v.mul(beta2).add(grad.square().mul(1 - beta2));
  const update = m.mul(c1).div(v.mul(c2).sqrt().add(epsilon)).mul(lr);
  return { param: param.sub(update), state: { m, v, t: step } };
}
