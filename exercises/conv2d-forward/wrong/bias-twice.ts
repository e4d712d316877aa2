// A student's mistake: adds the bias twice.
// expect: diagnosis.offset
import * as tf from "@tensorflow/tfjs";

/** NHWC convolution (cross-correlation) with zero padding `pad` on every side and stride `stride`. */
export function conv2dForward(x: tf.Tensor4D, filters: tf.Tensor4D, bias: tf.Tensor1D, stride: number, pad: number): tf.Tensor4D {
  const [n, h, w, cin] = x.shape;
  const [kh, kw, , cout] = filters.shape;
  const ho = Math.floor((h + 2 * pad - kh) / stride) + 1;
  const wo = Math.floor((w + 2 * pad - kw) / stride) + 1;
  return tf.tidy(() => {
    const xp = tf.pad(x, [[0, 0], [pad, pad], [pad, pad], [0, 0]]);
    let acc: tf.Tensor2D = tf.zeros([n * ho * wo, cout]);
    for (let u = 0; u < kh; u++) {
      for (let v = 0; v < kw; v++) {
        const patch = tf.stridedSlice(xp, [0, u, v, 0], [n, u + stride * (ho - 1) + 1, v + stride * (wo - 1) + 1, cin], [1, stride, stride, 1]);
        const f = tf.reshape(tf.slice(filters, [u, v, 0, 0], [1, 1, cin, cout]), [cin, cout]);
        acc = tf.add(acc, tf.matMul(tf.reshape(patch, [n * ho * wo, cin]), f as tf.Tensor2D));
      }
    }
    return tf.add(tf.add(tf.reshape(acc, [n, ho, wo, cout]), bias), bias) as tf.Tensor4D;
  });
}
