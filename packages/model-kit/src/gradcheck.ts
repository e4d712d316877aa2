import * as tf from "@tensorflow/tfjs";
import { toHost, type TensorLike } from "./tensor-like.ts";

/**
 * Default step: about cbrt(float32 epsilon), balancing truncation error against float32 round-off in
 * f, widened for large |x| to stay ~1000 float32 ulps so x ± h is still a meaningful perturbation.
 */
export function defaultStep(x: number): number {
  return Math.max(5e-3, Math.abs(x) * 2 ** -13);
}

/**
 * Centred finite differences of a scalar function, one element at a time. The perturbed inputs are
 * float32 (what f sees), the quotient uses the step actually taken (x+h and x-h rounded to float32)
 * and is accumulated in float64. Without `h`, each element's step is defaultStep(x_i).
 */
export function numericalGradient(f: (x: tf.Tensor) => number, x: tf.Tensor, h?: number): tf.Tensor {
  if (h !== undefined && !(h > 0 && Number.isFinite(h))) throw new RangeError(`h must be a positive finite number, got ${h}`);
  const base = Float32Array.from(x.dataSync());
  const out = new Float32Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const orig = base[i] as number;
    const step = h ?? defaultStep(orig);
    const up = Math.fround(orig + step);
    const down = Math.fround(orig - step);
    base[i] = up;
    const fUp = evalAt(f, base, x.shape);
    base[i] = down;
    const fDown = evalAt(f, base, x.shape);
    base[i] = orig;
    out[i] = (fUp - fDown) / (up - down);
  }
  return tf.tensor(out, x.shape, "float32");
}

function evalAt(f: (x: tf.Tensor) => number, values: Float32Array, shape: number[]): number {
  const t = tf.tensor(values, shape, "float32");
  try {
    const v = f(t);
    if (typeof v !== "number") throw new TypeError("f must return a number");
    return v;
  } finally {
    t.dispose();
  }
}

/** ||a - b|| / max(1e-12, ||a|| + ||b||), Euclidean norms in float64. */
export function relativeErrorNorm(a: TensorLike, b: TensorLike): number {
  const ha = toHost(a);
  const hb = toHost(b);
  if (ha.values.length !== hb.values.length || ha.shape.join() !== hb.shape.join()) {
    throw new RangeError(`relativeErrorNorm needs one shape, got [${ha.shape.join(", ")}] and [${hb.shape.join(", ")}]`);
  }
  let diff = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < ha.values.length; i++) {
    const x = ha.values[i] as number;
    const y = hb.values[i] as number;
    diff += (x - y) ** 2;
    na += x * x;
    nb += y * y;
  }
  return Math.sqrt(diff) / Math.max(1e-12, Math.sqrt(na) + Math.sqrt(nb));
}

export interface GradCheckResult {
  /** Worst norm-relative error over the inputs (NaN if any gradient is non-finite). */
  maxRelError: number;
  perInput: number[];
}

function summarise(perInput: number[]): GradCheckResult {
  const maxRelError = perInput.some(Number.isNaN) ? NaN : Math.max(0, ...perInput);
  return { maxRelError, perInput };
}

/** Compare analytic gradients with tf.grads of a scalar forward function, input by input. */
export function gradCheck(forward: (...xs: tf.Tensor[]) => tf.Scalar, analytic: tf.Tensor[], xs: tf.Tensor[]): GradCheckResult {
  if (analytic.length !== xs.length) throw new RangeError(`need one analytic gradient per input (${xs.length}), got ${analytic.length}`);
  const grads = tf.grads((...args: tf.Tensor[]) => forward(...args))(xs);
  try {
    return summarise(analytic.map((a, i) => relativeErrorNorm(a, grads[i] as tf.Tensor)));
  } finally {
    tf.dispose(grads);
  }
}

/** Compare analytic gradients with centred finite differences of a scalar forward function. */
export function numericalGradCheck(
  forward: (...xs: tf.Tensor[]) => tf.Scalar,
  analytic: tf.Tensor[],
  xs: tf.Tensor[],
  h?: number,
): GradCheckResult {
  if (analytic.length !== xs.length) throw new RangeError(`need one analytic gradient per input (${xs.length}), got ${analytic.length}`);
  const perInput = xs.map((x, i) => {
    const f = (xi: tf.Tensor): number =>
      tf.tidy(() => forward(...xs.map((other, j) => (j === i ? xi : other))).dataSync()[0] as number);
    const num = numericalGradient(f, x, h);
    try {
      return relativeErrorNorm(analytic[i] as tf.Tensor, num);
    } finally {
      num.dispose();
    }
  });
  return summarise(perInput);
}
