import * as tf from "@tensorflow/tfjs";

/** NHWC convolution (cross-correlation) with zero padding `pad` on every side and stride `stride`. */
export function conv2dForward(x: tf.Tensor4D, filters: tf.Tensor4D, bias: tf.Tensor1D, stride: number, pad: number): tf.Tensor4D {
  // TODO
  const [n, h, w] = x.shape;
  const [kh, kw, , cout] = filters.shape;
  const ho = Math.floor((h + 2 * pad - kh) / stride) + 1;
  const wo = Math.floor((w + 2 * pad - kw) / stride) + 1;
  void bias;
  return tf.zeros([n, ho, wo, cout]);
}
