import type * as tf from "@tensorflow/tfjs";

export const sgdMomentumStep = (param: tf.Tensor, grad: tf.Tensor, velocity: tf.Tensor, { lr, momentum }: { lr: number; momentum: number }) => {
  const velocityNext = velocity.mul(momentum).sub(grad.mul(lr));
  return { velocity: velocityNext, param: param.add(velocityNext) };
};
