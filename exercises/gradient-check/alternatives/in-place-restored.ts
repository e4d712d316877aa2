// Style: CS231n's in-place loop: perturb x's own data buffer, evaluate f(x), restore the old value.
import * as tf from "@tensorflow/tfjs";

export function numericalGradient(f: (x: tf.Tensor) => number, x: tf.Tensor, h: number): tf.Tensor {
  const data = x.dataSync() as Float32Array; // the cpu backend hands out its own buffer
  const grad: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const old = data[i]!;
    data[i] = old + h;
    const fxph = f(x);
    data[i] = old - h;
    const fxmh = f(x);
    data[i] = old;
    grad.push((fxph - fxmh) / (2 * h));
  }
  return tf.tensor(grad, x.shape);
}

export function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  const num = a.sub(b).abs();
  const den = a.abs().add(b.abs()).maximum(1e-8);
  return num.div(den).max().arraySync() as number;
}
