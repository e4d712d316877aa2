import * as tf from "@tensorflow/tfjs";

// Tensor-only backward: for each window offset in row-major order, a mask of "first maximum not yet
// claimed", spread back to input positions by interleaving zeros (pad + reshape) and shifting.
const outSize = (n: number, k: number, s: number) => Math.floor((n - k) / s) + 1;

function windows(x: tf.Tensor4D, u: number, v: number, k: number, s: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const ho = outSize(h, k, s);
  const wo = outSize(w, k, s);
  return tf.stridedSlice(x, [0, u, v, 0], [n, u + s * (ho - 1) + 1, v + s * (wo - 1) + 1, c], [1, s, s, 1]) as tf.Tensor4D;
}

export function maxPoolForward(x: tf.Tensor4D, size: number, stride: number) {
  const parts: tf.Tensor4D[] = [];
  for (let u = 0; u < size; u++) for (let v = 0; v < size; v++) parts.push(windows(x, u, v, size, stride));
  return tf.stack(parts).max(0) as tf.Tensor4D;
}

export function maxPoolBackward(dOut: tf.Tensor4D, x: tf.Tensor4D, size: number, stride: number) {
  const [n, h, w, c] = x.shape;
  const [, ho, wo] = dOut.shape;
  const best = maxPoolForward(x, size, stride);
  let claimed = tf.zerosLike(best);
  let dx = tf.zerosLike(x);
  for (let u = 0; u < size; u++) {
    for (let v = 0; v < size; v++) {
      const isMax = tf.equal(windows(x, u, v, size, stride), best).cast("float32");
      const take = isMax.mul(tf.sub(1, claimed));
      claimed = claimed.add(take);
      const g = dOut.mul(take);
      const spread = g
        .reshape([n, ho, 1, wo, 1, c])
        .pad([[0, 0], [0, 0], [0, stride - 1], [0, 0], [0, stride - 1], [0, 0]])
        .reshape([n, ho * stride, wo * stride, c])
        .slice([0, 0, 0, 0], [n, (ho - 1) * stride + 1, (wo - 1) * stride + 1, c]);
      const placed = spread.pad([
        [0, 0],
        [u, h - u - ((ho - 1) * stride + 1)],
        [v, w - v - ((wo - 1) * stride + 1)],
        [0, 0],
      ]);
      dx = dx.add(placed);
    }
  }
  return dx as tf.Tensor4D;
}
