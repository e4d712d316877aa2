import type { TensorLike } from "../tensor-like.ts";
import { f64, type F64 } from "./core.ts";

function dims3(x: F64, name: string): [number, number, number] {
  if (x.shape.length !== 3) throw new RangeError(`${name} must be 3-D, got [${x.shape.join(", ")}]`);
  return [x.shape[0] as number, x.shape[1] as number, x.shape[2] as number];
}

/**
 * Scaled dot-product attention in float64. mask[b,i,j] = 1 means query i may attend to key j;
 * masked weights are exactly 0 and a fully masked query gets all-zero weights.
 */
export function scaledDotProductAttention(
  qIn: TensorLike | F64,
  kIn: TensorLike | F64,
  vIn: TensorLike | F64,
  maskIn?: TensorLike | F64,
): { output: F64; weights: F64 } {
  const q = f64(qIn);
  const k = f64(kIn);
  const v = f64(vIn);
  const mask = maskIn === undefined ? undefined : f64(maskIn).values;
  const [B, Tq, d] = dims3(q, "q");
  const [, Tk] = dims3(k, "k");
  const [, , dv] = dims3(v, "v");
  const scale = 1 / Math.sqrt(d);
  const w = new Float64Array(B * Tq * Tk);
  const out = new Float64Array(B * Tq * dv);
  const s = new Float64Array(Tk);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < Tq; i++) {
      let max = -Infinity;
      for (let j = 0; j < Tk; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += (q.values[(b * Tq + i) * d + c] as number) * (k.values[(b * Tk + j) * d + c] as number);
        s[j] = dot * scale;
        const allowed = mask === undefined || (mask[(b * Tq + i) * Tk + j] as number) !== 0;
        if (allowed) max = Math.max(max, s[j] as number);
      }
      if (max === -Infinity) continue; // every key masked: zero weights, zero output
      let sum = 0;
      for (let j = 0; j < Tk; j++) {
        const allowed = mask === undefined || (mask[(b * Tq + i) * Tk + j] as number) !== 0;
        const e = allowed ? Math.exp((s[j] as number) - max) : 0;
        w[(b * Tq + i) * Tk + j] = e;
        sum += e;
      }
      for (let j = 0; j < Tk; j++) {
        const p = (w[(b * Tq + i) * Tk + j] as number) / sum;
        w[(b * Tq + i) * Tk + j] = p;
        if (p === 0) continue;
        for (let c = 0; c < dv; c++) out[(b * Tq + i) * dv + c] = (out[(b * Tq + i) * dv + c] as number) + p * (v.values[(b * Tk + j) * dv + c] as number);
      }
    }
  }
  return { output: { shape: [B, Tq, dv], values: out }, weights: { shape: [B, Tq, Tk], values: w } };
}

/** Gradients of unmasked attention output w.r.t. q, k and v, in float64. */
export function attentionBackward(
  dOutIn: TensorLike | F64,
  qIn: TensorLike | F64,
  kIn: TensorLike | F64,
  vIn: TensorLike | F64,
): { dq: F64; dk: F64; dv: F64 } {
  const dO = f64(dOutIn).values;
  const q = f64(qIn);
  const k = f64(kIn);
  const v = f64(vIn);
  const [B, Tq, d] = dims3(q, "q");
  const [, Tk] = dims3(k, "k");
  const [, , dvDim] = dims3(v, "v");
  const P = scaledDotProductAttention(q, k, v).weights.values;
  const scale = 1 / Math.sqrt(d);
  const dq = new Float64Array(q.values.length);
  const dk = new Float64Array(k.values.length);
  const dv = new Float64Array(v.values.length);
  const dP = new Float64Array(Tk);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < Tq; i++) {
      let rowDot = 0;
      for (let j = 0; j < Tk; j++) {
        const p = P[(b * Tq + i) * Tk + j] as number;
        let acc = 0;
        for (let c = 0; c < dvDim; c++) {
          const g = dO[(b * Tq + i) * dvDim + c] as number;
          acc += g * (v.values[(b * Tk + j) * dvDim + c] as number);
          dv[(b * Tk + j) * dvDim + c] = (dv[(b * Tk + j) * dvDim + c] as number) + p * g;
        }
        dP[j] = acc;
        rowDot += acc * p;
      }
      for (let j = 0; j < Tk; j++) {
        const dS = (P[(b * Tq + i) * Tk + j] as number) * ((dP[j] as number) - rowDot) * scale;
        for (let c = 0; c < d; c++) {
          dq[(b * Tq + i) * d + c] = (dq[(b * Tq + i) * d + c] as number) + dS * (k.values[(b * Tk + j) * d + c] as number);
          dk[(b * Tk + j) * d + c] = (dk[(b * Tk + j) * d + c] as number) + dS * (q.values[(b * Tq + i) * d + c] as number);
        }
      }
    }
  }
  return {
    dq: { shape: q.shape, values: dq },
    dk: { shape: k.shape, values: dk },
    dv: { shape: v.shape, values: dv },
  };
}
