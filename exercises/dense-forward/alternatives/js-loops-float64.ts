// Style: plain JS loops over arraySync() in float64 numbers, one tf.tensor2d back.
import * as tf from "@tensorflow/tfjs";

export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  const xs = x.arraySync();
  const ws = w.arraySync();
  const bs = b.arraySync();
  const out: number[][] = [];
  for (let n = 0; n < xs.length; n++) {
    const row: number[] = [];
    for (let m = 0; m < bs.length; m++) {
      let sum = bs[m]!;
      for (let d = 0; d < ws.length; d++) sum += xs[n]![d]! * ws[d]![m]!;
      row.push(sum);
    }
    out.push(row);
  }
  return tf.tensor2d(out, [xs.length, bs.length]);
}
