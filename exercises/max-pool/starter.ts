import * as tf from "@tensorflow/tfjs";

const outSize = (n: number, size: number, stride: number): number => Math.floor((n - size) / stride) + 1;

export function maxPoolForward(x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  // TODO: the maximum of every window.
  const [n, h, w, c] = x.shape;
  return tf.zeros([n, outSize(h, size, stride), outSize(w, size, stride), c]);
}

export function maxPoolBackward(dOut: tf.Tensor4D, x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  // TODO: route each window's gradient to its first maximum; overlapping windows add up.
  void dOut;
  void size;
  void stride;
  return tf.zerosLike(x);
}
