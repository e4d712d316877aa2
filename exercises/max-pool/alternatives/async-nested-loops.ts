// Async nested-array loops (await array()), float64 JS numbers; ties resolved by scanning the window and keeping the first strict maximum.
import * as tf from "@tensorflow/tfjs";

function outSize(len: number, size: number, stride: number): number {
  return Math.floor((len - size) / stride) + 1;
}

export async function maxPoolForward(x: tf.Tensor4D, size: number, stride: number): Promise<tf.Tensor4D> {
  const xs = await x.array();
  const [n, h, w, c] = x.shape;
  const ho = outSize(h, size, stride);
  const wo = outSize(w, size, stride);
  const out = xs.map(() => Array.from({ length: ho }, () => Array.from({ length: wo }, () => new Array<number>(c).fill(-Infinity))));
  for (let b = 0; b < n; b++)
    for (let i = 0; i < ho; i++)
      for (let j = 0; j < wo; j++)
        for (let u = 0; u < size; u++)
          for (let v = 0; v < size; v++)
            for (let ch = 0; ch < c; ch++) out[b]![i]![j]![ch] = Math.max(out[b]![i]![j]![ch]!, xs[b]![i * stride + u]![j * stride + v]![ch]!);
  return tf.tensor4d(out);
}

export async function maxPoolBackward(dOut: tf.Tensor4D, x: tf.Tensor4D, size: number, stride: number): Promise<tf.Tensor4D> {
  const xs = await x.array();
  const g = await dOut.array();
  const [n, h, w, c] = x.shape;
  const [, ho, wo] = dOut.shape;
  const dx = Array.from({ length: n }, () => Array.from({ length: h }, () => Array.from({ length: w }, () => new Array<number>(c).fill(0))));
  for (let b = 0; b < n; b++)
    for (let ch = 0; ch < c; ch++)
      for (let i = 0; i < ho; i++)
        for (let j = 0; j < wo; j++) {
          let best = -Infinity;
          let br = -1;
          let bc = -1;
          for (let u = 0; u < size; u++)
            for (let v = 0; v < size; v++) {
              const val = xs[b]![i * stride + u]![j * stride + v]![ch]!;
              if (val > best) {
                best = val;
                br = i * stride + u;
                bc = j * stride + v;
              }
            }
          dx[b]![br]![bc]![ch] = dx[b]![br]![bc]![ch]! + g[b]![i]![j]![ch]!;
        }
  return tf.tensor4d(dx);
}
