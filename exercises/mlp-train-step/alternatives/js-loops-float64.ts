// Style: the whole forward and backward pass as plain JS loops in float64 over arraySync().
import * as tf from "@tensorflow/tfjs";

type Params = { w1: tf.Tensor2D; b1: tf.Tensor1D; w2: tf.Tensor2D; b2: tf.Tensor1D };

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function affine(a: number[][], w: number[][], b: number[]): number[][] {
  return a.map((row) => b.map((bj, j) => row.reduce((s, v, i) => s + v * w[i]![j]!, bj)));
}

export function mlpTrainStep(params: Params, x: tf.Tensor2D, y: tf.Tensor2D, lr: number) {
  const X = x.arraySync();
  const Y = y.arraySync();
  const W1 = params.w1.arraySync();
  const B1 = params.b1.arraySync();
  const W2 = params.w2.arraySync();
  const B2 = params.b2.arraySync();
  const n = X.length;
  const d = W1.length;
  const hid = B1.length;
  const k = B2.length;

  const H = affine(X, W1, B1).map((r) => r.map(sigmoid));
  const O = affine(H, W2, B2).map((r) => r.map(sigmoid));
  const s = n * k;
  let loss = 0;
  const d2: number[][] = [];
  for (let i = 0; i < n; i++) {
    d2.push([]);
    for (let j = 0; j < k; j++) {
      const e = O[i]![j]! - Y[i]![j]!;
      loss += (e * e) / s;
      d2[i]!.push(((2 * e) / s) * O[i]![j]! * (1 - O[i]![j]!));
    }
  }
  const d1: number[][] = [];
  for (let i = 0; i < n; i++) {
    d1.push([]);
    for (let h = 0; h < hid; h++) {
      let back = 0;
      for (let j = 0; j < k; j++) back += d2[i]![j]! * W2[h]![j]!;
      d1[i]!.push(back * H[i]![h]! * (1 - H[i]![h]!));
    }
  }
  // Gradients from the old parameters; new arrays for the updated ones.
  const newW2 = W2.map((row, h) =>
    row.map((v, j) => v - lr * H.reduce((acc, hr, i) => acc + hr[h]! * d2[i]![j]!, 0)),
  );
  const newB2 = B2.map((v, j) => v - lr * d2.reduce((acc, r) => acc + r[j]!, 0));
  const newW1 = W1.map((row, a) =>
    row.map((v, h) => v - lr * X.reduce((acc, xr, i) => acc + xr[a]! * d1[i]![h]!, 0)),
  );
  const newB1 = B1.map((v, h) => v - lr * d1.reduce((acc, r) => acc + r[h]!, 0));
  return {
    params: {
      w1: tf.tensor2d(newW1, [d, hid]),
      b1: tf.tensor1d(newB1),
      w2: tf.tensor2d(newW2, [hid, k]),
      b2: tf.tensor1d(newB2),
    },
    loss,
  };
}
