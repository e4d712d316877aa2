// Style: the element-wise chain-rule sums written as plain JS loops in float64 over arraySync().
import * as tf from "@tensorflow/tfjs";

export function denseBackward(dOut: tf.Tensor2D, x: tf.Tensor2D, w: tf.Tensor2D) {
  const g = dOut.arraySync();
  const X = x.arraySync();
  const W = w.arraySync();
  const [n, d] = x.shape;
  const m = w.shape[1]!;
  const dx = Array.from({ length: n }, () => new Array<number>(d).fill(0));
  const dw = Array.from({ length: d }, () => new Array<number>(m).fill(0));
  const db = new Array<number>(m).fill(0);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < m; k++) {
      const gik = g[i]![k]!;
      db[k]! += gik;
      for (let j = 0; j < d; j++) {
        dx[i]![j]! += gik * W[j]![k]!;
        dw[j]![k]! += X[i]![j]! * gik;
      }
    }
  }
  return { dx: tf.tensor2d(dx, [n, d]), dw: tf.tensor2d(dw, [d, m]), db: tf.tensor1d(db) };
}
