import * as tf from "@tensorflow/tfjs";

// Perturbation tensors built from basis vectors; relative error computed in plain JavaScript.
export function numericalGradient(f: (x: tf.Tensor) => number, x: tf.Tensor, h: number): tf.Tensor {
  const n = x.size;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = tf.tensor1d(Array.from({ length: n }, (_, j) => (j === i ? h : 0))).reshape(x.shape);
    out.push((f(x.add(e)) - f(x.sub(e))) / (2 * h));
  }
  return tf.tensor(out, x.shape);
}

export function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  const av = a.dataSync();
  const bv = b.dataSync();
  let worst = 0;
  for (let i = 0; i < av.length; i++) {
    const r = Math.abs(av[i]! - bv[i]!) / Math.max(1e-8, Math.abs(av[i]!) + Math.abs(bv[i]!));
    if (r > worst) worst = r;
  }
  return worst;
}
