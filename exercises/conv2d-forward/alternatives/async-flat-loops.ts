// Async: flat Float32Array data from `await data()`, index arithmetic, Float64Array accumulator, output channel outermost.
import * as tf from "@tensorflow/tfjs";

export async function conv2dForward(x: tf.Tensor4D, filters: tf.Tensor4D, bias: tf.Tensor1D, stride: number, pad: number): Promise<tf.Tensor4D> {
  const [xd, fd, bd] = await Promise.all([x.data(), filters.data(), bias.data()]);
  const [n, h, w, cin] = x.shape;
  const [kh, kw, , cout] = filters.shape;
  const ho = Math.floor((h + 2 * pad - kh) / stride) + 1;
  const wo = Math.floor((w + 2 * pad - kw) / stride) + 1;
  const out = new Float64Array(n * ho * wo * cout);
  for (let o = 0; o < cout; o++) {
    for (let b = 0; b < n; b++) {
      for (let i = 0; i < ho; i++) {
        for (let j = 0; j < wo; j++) {
          let s = 0;
          for (let u = 0; u < kh; u++) {
            for (let v = 0; v < kw; v++) {
              const r = i * stride + u - pad;
              const c = j * stride + v - pad;
              if (r < 0 || r >= h || c < 0 || c >= w) continue;
              for (let ch = 0; ch < cin; ch++) {
                s += xd[((b * h + r) * w + c) * cin + ch]! * fd[((u * kw + v) * cin + ch) * cout + o]!;
              }
            }
          }
          out[((b * ho + i) * wo + j) * cout + o] = s + bd[o]!;
        }
      }
    }
  }
  return tf.tensor(Array.from(out), [n, ho, wo, cout]) as tf.Tensor4D;
}
