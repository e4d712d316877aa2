import * as tf from "@tensorflow/tfjs";
import { assertRank } from "./util.ts";

/** NHWC convolution, zero padding `pad` on all sides, plus bias. */
/**
 * Zero padding on every side as tfjs's explicit per-side form. A numeric `pad` would be wrong for
 * non-square kernels: tfjs 4.22 (conv_util getPadAndOutInfo) then sizes the output width with the
 * kernel height.
 */
function zeroPad(pad: number): [[number, number], [number, number], [number, number], [number, number]] {
  return [[0, 0], [pad, pad], [pad, pad], [0, 0]];
}

export function conv2dForward(x: tf.Tensor, filters: tf.Tensor, bias: tf.Tensor, stride: number, pad: number): tf.Tensor4D {
  assertRank(x, 4, "x");
  assertRank(filters, 4, "filters");
  return tf.tidy(() => tf.add(tf.conv2d(x as tf.Tensor4D, filters as tf.Tensor4D, stride, zeroPad(pad)), bias) as tf.Tensor4D);
}

/** Gradients of sum(dOut ⊙ conv2dForward(x, filters, bias, stride, pad)). */
export function conv2dBackward(
  dOut: tf.Tensor,
  x: tf.Tensor,
  filters: tf.Tensor,
  stride: number,
  pad: number,
): { dx: tf.Tensor4D; dFilters: tf.Tensor4D; dBias: tf.Tensor1D } {
  return tf.tidy(() => {
    const [dx, dFilters] = tf.grads((xx: tf.Tensor, ff: tf.Tensor) => tf.conv2d(xx as tf.Tensor4D, ff as tf.Tensor4D, stride, zeroPad(pad)))(
      [x, filters],
      dOut,
    );
    return { dx: dx as tf.Tensor4D, dFilters: dFilters as tf.Tensor4D, dBias: tf.sum(dOut, [0, 1, 2]) as tf.Tensor1D };
  });
}

/** Max pooling, no padding: output floor((H - size)/stride) + 1. */
export function maxPoolForward(x: tf.Tensor, size: number, stride: number): tf.Tensor4D {
  assertRank(x, 4, "x");
  return tf.maxPool(x as tf.Tensor4D, size, stride, "valid");
}

/** Gradient of max pooling: each window's gradient to its first maximum; overlapping windows add. */
export function maxPoolBackward(dOut: tf.Tensor, x: tf.Tensor, size: number, stride: number): tf.Tensor4D {
  return tf.tidy(() => tf.grad((xx: tf.Tensor) => tf.maxPool(xx as tf.Tensor4D, size, stride, "valid"))(x, dOut) as tf.Tensor4D);
}
