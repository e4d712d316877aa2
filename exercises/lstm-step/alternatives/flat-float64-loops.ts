// Flat Float32Array loops over dataSync() in float64 numbers, sigmoid as 1/(1+e^-z), all four gates per (row, unit).
import * as tf from "@tensorflow/tfjs";

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function lstmStep(x: tf.Tensor2D, hPrev: tf.Tensor2D, cPrev: tf.Tensor2D, wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D) {
  const [n, d] = x.shape;
  const hid = hPrev.shape[1];
  const [xd, hd, cd, wxd, whd, bd] = [x, hPrev, cPrev, wx, wh, b].map((t) => t.dataSync());
  const hOut = new Float32Array(n * hid);
  const cOut = new Float32Array(n * hid);
  const pre = (r: number, col: number): number => {
    let z = bd![col]!;
    for (let k = 0; k < d; k++) z += xd![r * d + k]! * wxd![k * 4 * hid + col]!;
    for (let k = 0; k < hid; k++) z += hd![r * hid + k]! * whd![k * 4 * hid + col]!;
    return z;
  };
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < hid; j++) {
      const i = sigmoid(pre(r, j));
      const f = sigmoid(pre(r, hid + j));
      const o = sigmoid(pre(r, 2 * hid + j));
      const g = Math.tanh(pre(r, 3 * hid + j));
      const c = f * cd![r * hid + j]! + i * g;
      cOut[r * hid + j] = c;
      hOut[r * hid + j] = o * Math.tanh(c);
    }
  }
  return { h: tf.tensor2d(hOut, [n, hid]), c: tf.tensor2d(cOut, [n, hid]) };
}
