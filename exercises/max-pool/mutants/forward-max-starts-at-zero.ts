import * as tf from "@tensorflow/tfjs";

// The running maximum starts at 0 instead of the first window value (a window of negatives gives 0).

const outSize = (n: number, size: number, stride: number): number => Math.floor((n - size) / stride) + 1;

export function maxPoolForward(x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const ho = outSize(h, size, stride);
  const wo = outSize(w, size, stride);
  return tf.tidy(() => {
    let best: tf.Tensor4D = tf.zeros([n, ho, wo, c]);
    for (let u = 0; u < size; u++) {
      for (let v = 0; v < size; v++) {
        const patch = tf.stridedSlice(x, [0, u, v, 0], [n, u + stride * (ho - 1) + 1, v + stride * (wo - 1) + 1, c], [1, stride, stride, 1]) as tf.Tensor4D;
        best = tf.maximum(best, patch) as tf.Tensor4D;
      }
    }
    return best;
  });
}

export function maxPoolBackward(dOut: tf.Tensor4D, x: tf.Tensor4D, size: number, stride: number): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const ho = outSize(h, size, stride);
  const wo = outSize(w, size, stride);
  const xs = x.dataSync();
  const g = dOut.dataSync();
  const dx = new Float32Array(xs.length);
  const at = (b: number, i: number, j: number, ch: number): number => ((b * h + i) * w + j) * c + ch;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < ho; i++) {
      for (let j = 0; j < wo; j++) {
        for (let ch = 0; ch < c; ch++) {
          let bestIdx = at(b, i * stride, j * stride, ch);
          for (let u = 0; u < size; u++) {
            for (let v = 0; v < size; v++) {
              const idx = at(b, i * stride + u, j * stride + v, ch);
              if (xs[idx]! > xs[bestIdx]!) bestIdx = idx; // strict: the first maximum wins ties
            }
          }
          dx[bestIdx] = dx[bestIdx]! + g[((b * ho + i) * wo + j) * c + ch]!;
        }
      }
    }
  }
  return tf.tensor4d(dx, [n, h, w, c]);
}
