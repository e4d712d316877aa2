// Tensor style: window offsets stacked on a new axis; forward = max over it, backward = argMax (first maximum) + oneHot, scattered back with tf.scatterND (duplicate indices add up).
import * as tf from "@tensorflow/tfjs";

function offsets(x: tf.Tensor4D, size: number, stride: number, ho: number, wo: number): tf.Tensor {
  const [n, , , c] = x.shape;
  const parts: tf.Tensor[] = [];
  for (let u = 0; u < size; u++) {
    for (let v = 0; v < size; v++) {
      parts.push(tf.stridedSlice(x, [0, u, v, 0], [n, u + stride * (ho - 1) + 1, v + stride * (wo - 1) + 1, c], [1, stride, stride, 1]));
    }
  }
  return tf.stack(parts, 4); // [N, Ho, Wo, C, size*size], offsets in row-major order
}

export function maxPoolForward(x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  const [, h, w] = x.shape;
  const ho = Math.floor((h - size) / stride) + 1;
  const wo = Math.floor((w - size) / stride) + 1;
  return offsets(x, size, stride, ho, wo).max(4) as tf.Tensor4D;
}

export function maxPoolBackward(dOut: tf.Tensor4D, x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const [, ho, wo] = dOut.shape;
  const k = size * size;
  const winner = offsets(x, size, stride, ho, wo).argMax(4);
  const updates = tf.oneHot(winner.flatten(), k).reshape([n, ho, wo, c, k]).mul(dOut.expandDims(4));
  const indices: number[][] = [];
  for (let b = 0; b < n; b++)
    for (let i = 0; i < ho; i++)
      for (let j = 0; j < wo; j++)
        for (let ch = 0; ch < c; ch++)
          for (let u = 0; u < size; u++) for (let v = 0; v < size; v++) indices.push([b, i * stride + u, j * stride + v, ch]);
  return tf.scatterND(tf.tensor2d(indices, [indices.length, 4], "int32"), updates.flatten(), [n, h, w, c]) as tf.Tensor4D;
}
