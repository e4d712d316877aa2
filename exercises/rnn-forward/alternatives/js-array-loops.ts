// Plain JS loops over arraySync() in float64 numbers with Math.tanh; rnnForward carries the state as a JS array.
import * as tf from "@tensorflow/tfjs";

function step(x: number[][], h: number[][], wx: number[][], wh: number[][], b: number[]): number[][] {
  return x.map((xr, r) =>
    b.map((bj, j) => {
      let z = bj;
      for (let k = 0; k < xr.length; k++) z += xr[k]! * wx[k]![j]!;
      for (let k = 0; k < h[r]!.length; k++) z += h[r]![k]! * wh[k]![j]!;
      return Math.tanh(z);
    }),
  );
}

export function rnnStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tensor2d(step(x.arraySync(), hPrev.arraySync(), wx.arraySync(), wh.arraySync(), b.arraySync()), hPrev.shape);
}

export function rnnForward(x: tf.Tensor3D, h0: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor3D {
  const xs = x.arraySync();
  const [wxa, wha, ba] = [wx.arraySync(), wh.arraySync(), b.arraySync()];
  const [n, t] = x.shape;
  let h = h0.arraySync();
  const out: number[][][] = Array.from({ length: n }, () => []);
  for (let s = 0; s < t; s++) {
    h = step(xs.map((seq) => seq[s]!), h, wxa, wha, ba);
    for (let r = 0; r < n; r++) out[r]!.push(h[r]!);
  }
  return tf.tensor3d(out, [n, t, h0.shape[1]]);
}
