import * as tf from "@tensorflow/tfjs";

/**
 * Centred differences, each element perturbed alone by ±h: (f(x+h) - f(x-h)) / 2h,
 * with the perturbed inputs in float32 (as the student's version is graded).
 */
export function numericalGradient(f: (x: tf.Tensor) => number, x: tf.Tensor, h: number): tf.Tensor {
  const base = Float32Array.from(x.dataSync());
  const out = new Float32Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const orig = base[i] as number;
    base[i] = orig + h;
    const plus = evalAt(f, base, x.shape);
    base[i] = orig - h;
    const minus = evalAt(f, base, x.shape);
    base[i] = orig;
    out[i] = (plus - minus) / (2 * h);
  }
  return tf.tensor(out, x.shape, "float32");
}

function evalAt(f: (x: tf.Tensor) => number, values: Float32Array, shape: number[]): number {
  const t = tf.tensor(values, shape, "float32");
  try {
    return f(t);
  } finally {
    t.dispose();
  }
}

/** max over i of |a_i - b_i| / max(1e-8, |a_i| + |b_i|). */
export function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  if (!tf.util.arraysEqual(a.shape, b.shape)) throw new RangeError("relativeError needs tensors of one shape");
  const av = a.dataSync();
  const bv = b.dataSync();
  let max = 0;
  for (let i = 0; i < av.length; i++) {
    const x = av[i] as number;
    const y = bv[i] as number;
    const r = Math.abs(x - y) / Math.max(1e-8, Math.abs(x) + Math.abs(y));
    if (r > max || Number.isNaN(r)) max = r;
  }
  return max;
}
