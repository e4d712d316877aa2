import * as tf from "@tensorflow/tfjs";
import { shapeSize, toHost, type TensorLike } from "../tensor-like.ts";

/** A float64 host tensor: the oracle format for the plain-TypeScript twins of the references. */
export interface F64 {
  shape: number[];
  values: Float64Array;
}

export function f64(x: TensorLike | F64): F64 {
  if (typeof x === "object" && !(x instanceof tf.Tensor) && x.values instanceof Float64Array) {
    return { shape: [...x.shape], values: x.values };
  }
  const h = toHost(x as TensorLike);
  return { shape: h.shape, values: h.values };
}

export function zeros(shape: number[]): F64 {
  return { shape: [...shape], values: new Float64Array(shapeSize(shape)) };
}

/** Round to a float32 tfjs tensor. */
export function toTensor(x: F64): tf.Tensor {
  return tf.tensor(Float32Array.from(x.values), x.shape, "float32");
}

export function map(x: TensorLike | F64, fn: (v: number) => number): F64 {
  const a = f64(x);
  return { shape: a.shape, values: a.values.map(fn) };
}

function dims2(x: F64, name: string): [number, number] {
  if (x.shape.length !== 2) throw new RangeError(`${name} must be 2-D, got [${x.shape.join(", ")}]`);
  return [x.shape[0] as number, x.shape[1] as number];
}

export function matmul(aIn: TensorLike | F64, bIn: TensorLike | F64, transposeA = false, transposeB = false): F64 {
  const a = f64(aIn);
  const b = f64(bIn);
  const [ar, ac] = dims2(a, "a");
  const [br, bc] = dims2(b, "b");
  const n = transposeA ? ac : ar;
  const k = transposeA ? ar : ac;
  const k2 = transposeB ? bc : br;
  const m = transposeB ? br : bc;
  if (k !== k2) throw new RangeError(`matmul inner dimensions differ: ${k} vs ${k2}`);
  const out = new Float64Array(n * m);
  const av = a.values;
  const bv = b.values;
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      const aip = (transposeA ? av[p * ac + i] : av[i * ac + p]) as number;
      if (aip === 0) continue;
      for (let j = 0; j < m; j++) {
        out[i * m + j] = (out[i * m + j] as number) + aip * ((transposeB ? bv[j * bc + p] : bv[p * bc + j]) as number);
      }
    }
  }
  return { shape: [n, m], values: out };
}

/** Adds a vector along the last axis. */
export function addBias(xIn: F64, bIn: TensorLike | F64): F64 {
  const b = f64(bIn);
  const last = xIn.shape[xIn.shape.length - 1] ?? 1;
  if (b.values.length !== last) throw new RangeError("bias length must equal the last dimension");
  return { shape: xIn.shape, values: xIn.values.map((v, i) => v + (b.values[i % last] as number)) };
}

export function denseForward(x: TensorLike | F64, w: TensorLike | F64, b: TensorLike | F64): F64 {
  return addBias(matmul(x, w), b);
}

/** Stable sigmoid. */
export function sigmoidScalar(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + exp(z)) without overflow. */
export function softplusScalar(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/** Row-wise (last axis) softmax, stable for large logits. */
export function softmax(xIn: TensorLike | F64): F64 {
  const x = f64(xIn);
  const c = x.shape[x.shape.length - 1] ?? 1;
  const out = new Float64Array(x.values.length);
  for (let r = 0; r < x.values.length / c; r++) {
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, x.values[r * c + j] as number);
    let sum = 0;
    for (let j = 0; j < c; j++) {
      const e = Math.exp((x.values[r * c + j] as number) - max);
      out[r * c + j] = e;
      sum += e;
    }
    for (let j = 0; j < c; j++) out[r * c + j] = (out[r * c + j] as number) / sum;
  }
  return { shape: x.shape, values: out };
}

export function softmaxCrossEntropy(logitsIn: TensorLike | F64, labelsIn: TensorLike | ArrayLike<number>): { loss: number; dLogits: F64 } {
  const logits = f64(logitsIn);
  const labels = isArrayLike(labelsIn) ? Array.from(labelsIn) : Array.from(f64(labelsIn).values);
  const [n, c] = dims2(logits, "logits");
  if (labels.length !== n) throw new RangeError("one label per row");
  const d = new Float64Array(n * c);
  let loss = 0;
  for (let r = 0; r < n; r++) {
    let max = -Infinity;
    for (let j = 0; j < c; j++) max = Math.max(max, logits.values[r * c + j] as number);
    let sum = 0;
    for (let j = 0; j < c; j++) sum += Math.exp((logits.values[r * c + j] as number) - max);
    const lse = max + Math.log(sum);
    const label = labels[r] as number;
    loss += (lse - (logits.values[r * c + label] as number)) / n;
    for (let j = 0; j < c; j++) {
      const p = Math.exp((logits.values[r * c + j] as number) - lse);
      d[r * c + j] = (p - (j === label ? 1 : 0)) / n;
    }
  }
  return { loss, dLogits: { shape: [n, c], values: d } };
}

function isArrayLike(x: unknown): x is ArrayLike<number> {
  return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));
}

export function mseLoss(predIn: TensorLike | F64, targetIn: TensorLike | F64): { loss: number; dPred: F64 } {
  const p = f64(predIn);
  const t = f64(targetIn);
  const n = p.values.length;
  let loss = 0;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const diff = (p.values[i] as number) - (t.values[i] as number);
    loss += (diff * diff) / n;
    d[i] = (2 * diff) / n;
  }
  return { loss, dPred: { shape: p.shape, values: d } };
}

/** Layer norm over the last axis with biased variance. */
export function layerNorm(xIn: TensorLike | F64, gammaIn: TensorLike | F64, betaIn: TensorLike | F64, eps: number): F64 {
  const x = f64(xIn);
  const g = f64(gammaIn).values;
  const b = f64(betaIn).values;
  const d = x.shape[x.shape.length - 1] ?? 1;
  const out = new Float64Array(x.values.length);
  for (let r = 0; r < x.values.length / d; r++) {
    let mean = 0;
    for (let j = 0; j < d; j++) mean += (x.values[r * d + j] as number) / d;
    let v = 0;
    for (let j = 0; j < d; j++) v += ((x.values[r * d + j] as number) - mean) ** 2 / d;
    const inv = 1 / Math.sqrt(v + eps);
    for (let j = 0; j < d; j++) out[r * d + j] = ((x.values[r * d + j] as number) - mean) * inv * (g[j] as number) + (b[j] as number);
  }
  return { shape: x.shape, values: out };
}

export function positionalEncoding(seqLen: number, dModel: number): F64 {
  const out = new Float64Array(seqLen * dModel);
  for (let p = 0; p < seqLen; p++) {
    for (let j = 0; j < dModel; j++) {
      const i2 = j - (j % 2);
      const angle = p / Math.pow(10000, i2 / dModel);
      out[p * dModel + j] = j % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
    }
  }
  return { shape: [seqLen, dModel], values: out };
}
