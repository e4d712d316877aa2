import type { TensorLike } from "../tensor-like.ts";
import { f64, type F64 } from "./core.ts";

function dims4(x: F64, name: string): [number, number, number, number] {
  if (x.shape.length !== 4) throw new RangeError(`${name} must be 4-D, got [${x.shape.join(", ")}]`);
  return x.shape as [number, number, number, number];
}

function outSize(inSize: number, k: number, stride: number, pad: number): number {
  return Math.floor((inSize + 2 * pad - k) / stride) + 1;
}

/** NHWC convolution with zero padding `pad` on every side, float64 loops. */
export function conv2dForward(xIn: TensorLike | F64, fIn: TensorLike | F64, biasIn: TensorLike | F64, stride: number, pad: number): F64 {
  const x = f64(xIn);
  const f = f64(fIn);
  const bias = f64(biasIn).values;
  const [N, H, W, Cin] = dims4(x, "x");
  const [KH, KW, , Cout] = dims4(f, "filters");
  const OH = outSize(H, KH, stride, pad);
  const OW = outSize(W, KW, stride, pad);
  const out = new Float64Array(N * OH * OW * Cout);
  for (let n = 0; n < N; n++)
    for (let oh = 0; oh < OH; oh++)
      for (let ow = 0; ow < OW; ow++)
        for (let co = 0; co < Cout; co++) {
          let acc = bias[co] as number;
          for (let kh = 0; kh < KH; kh++) {
            const ih = oh * stride + kh - pad;
            if (ih < 0 || ih >= H) continue;
            for (let kw = 0; kw < KW; kw++) {
              const iw = ow * stride + kw - pad;
              if (iw < 0 || iw >= W) continue;
              for (let ci = 0; ci < Cin; ci++) {
                acc += (x.values[((n * H + ih) * W + iw) * Cin + ci] as number) * (f.values[((kh * KW + kw) * Cin + ci) * Cout + co] as number);
              }
            }
          }
          out[((n * OH + oh) * OW + ow) * Cout + co] = acc;
        }
  return { shape: [N, OH, OW, Cout], values: out };
}

/** Gradients of conv2dForward w.r.t. input, filters and bias, float64 loops. */
export function conv2dBackward(
  dOutIn: TensorLike | F64,
  xIn: TensorLike | F64,
  fIn: TensorLike | F64,
  stride: number,
  pad: number,
): { dx: F64; dFilters: F64; dBias: F64 } {
  const dO = f64(dOutIn);
  const x = f64(xIn);
  const f = f64(fIn);
  const [N, H, W, Cin] = dims4(x, "x");
  const [KH, KW, , Cout] = dims4(f, "filters");
  const [, OH, OW] = dims4(dO, "dOut");
  const dx = new Float64Array(x.values.length);
  const df = new Float64Array(f.values.length);
  const db = new Float64Array(Cout);
  for (let n = 0; n < N; n++)
    for (let oh = 0; oh < OH; oh++)
      for (let ow = 0; ow < OW; ow++)
        for (let co = 0; co < Cout; co++) {
          const g = dO.values[((n * OH + oh) * OW + ow) * Cout + co] as number;
          db[co] = (db[co] as number) + g;
          if (g === 0) continue;
          for (let kh = 0; kh < KH; kh++) {
            const ih = oh * stride + kh - pad;
            if (ih < 0 || ih >= H) continue;
            for (let kw = 0; kw < KW; kw++) {
              const iw = ow * stride + kw - pad;
              if (iw < 0 || iw >= W) continue;
              for (let ci = 0; ci < Cin; ci++) {
                const xi = ((n * H + ih) * W + iw) * Cin + ci;
                const fi = ((kh * KW + kw) * Cin + ci) * Cout + co;
                dx[xi] = (dx[xi] as number) + g * (f.values[fi] as number);
                df[fi] = (df[fi] as number) + g * (x.values[xi] as number);
              }
            }
          }
        }
  return { dx: { shape: x.shape, values: dx }, dFilters: { shape: f.shape, values: df }, dBias: { shape: [Cout], values: db } };
}

/** Max pooling without padding; output floor((H - size)/stride) + 1. */
export function maxPoolForward(xIn: TensorLike | F64, size: number, stride: number): F64 {
  return maxPool(f64(xIn), size, stride).out;
}

/** Each window's gradient goes to its first maximum in row-major order; overlapping windows add. */
export function maxPoolBackward(dOutIn: TensorLike | F64, xIn: TensorLike | F64, size: number, stride: number): F64 {
  const x = f64(xIn);
  const dO = f64(dOutIn).values;
  const { argmax } = maxPool(x, size, stride);
  const dx = new Float64Array(x.values.length);
  argmax.forEach((src, o) => {
    dx[src] = (dx[src] as number) + (dO[o] as number);
  });
  return { shape: x.shape, values: dx };
}

function maxPool(x: F64, size: number, stride: number): { out: F64; argmax: Int32Array } {
  const [N, H, W, C] = dims4(x, "x");
  const OH = Math.floor((H - size) / stride) + 1;
  const OW = Math.floor((W - size) / stride) + 1;
  const out = new Float64Array(N * OH * OW * C);
  const argmax = new Int32Array(out.length);
  for (let n = 0; n < N; n++)
    for (let oh = 0; oh < OH; oh++)
      for (let ow = 0; ow < OW; ow++)
        for (let c = 0; c < C; c++) {
          let best = -Infinity;
          let at = -1;
          for (let kh = 0; kh < size; kh++)
            for (let kw = 0; kw < size; kw++) {
              const i = ((n * H + oh * stride + kh) * W + ow * stride + kw) * C + c;
              const v = x.values[i] as number;
              if (v > best || at < 0) {
                best = v;
                at = i;
              }
            }
          const o = ((n * OH + oh) * OW + ow) * C + c;
          out[o] = best;
          argmax[o] = at;
        }
  return { out: { shape: [N, OH, OW, C], values: out }, argmax };
}
