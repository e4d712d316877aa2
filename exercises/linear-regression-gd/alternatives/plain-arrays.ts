import type * as tf from "@tensorflow/tfjs";
import { tensor1d } from "@tensorflow/tfjs";

// Plain JavaScript loops on the downloaded data (float64 inside, float32 at the end).
export async function fitLinearRegression(x: tf.Tensor2D, y: tf.Tensor1D, lr: number, steps: number) {
  const X = (await x.array()) as number[][];
  const Y = (await y.array()) as number[];
  const [n, d] = x.shape;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const r = X.map((row, i) => row.reduce((acc, v, j) => acc + v * w[j]!, b) - Y[i]!);
    losses.push(r.reduce((acc, v) => acc + v * v, 0) / n);
    const gw = w.map((_, j) => (2 / n) * r.reduce((acc, v, i) => acc + v * X[i]![j]!, 0));
    const gb = (2 / n) * r.reduce((acc, v) => acc + v, 0);
    for (let j = 0; j < d; j++) w[j] = w[j]! - lr * gw[j]!;
    b -= lr * gb;
  }
  return { w: tensor1d(w), b, losses };
}
