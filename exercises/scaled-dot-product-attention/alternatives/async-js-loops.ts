// Async plain JS loops over `await array()` in float64 numbers: per query, max over the allowed keys, exponentials, normalise, weighted sum of values.
import * as tf from "@tensorflow/tfjs";

export async function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, mask?: tf.Tensor3D) {
  const [qa, ka, va] = await Promise.all([q.array(), k.array(), v.array()]);
  const ma = mask === undefined ? undefined : await mask.array();
  const [bs, tq, d] = q.shape;
  const tk = k.shape[1];
  const dv = v.shape[2];
  const weights: number[][][] = [];
  const output: number[][][] = [];
  for (let b = 0; b < bs; b++) {
    const wb: number[][] = [];
    const ob: number[][] = [];
    for (let i = 0; i < tq; i++) {
      const s: number[] = [];
      let max = -Infinity;
      for (let j = 0; j < tk; j++) {
        let dot = 0;
        for (let c = 0; c < d; c++) dot += qa[b]![i]![c]! * ka[b]![j]![c]!;
        s.push(dot / Math.sqrt(d));
        if ((ma === undefined || ma[b]![i]![j] === 1) && s[j]! > max) max = s[j]!;
      }
      const e = s.map((x, j) => (ma === undefined || ma[b]![i]![j] === 1 ? Math.exp(x - max) : 0));
      const total = e.reduce((a, x) => a + x, 0);
      const w = e.map((x) => (total > 0 ? x / total : 0));
      const o = new Array<number>(dv).fill(0);
      for (let j = 0; j < tk; j++) for (let c = 0; c < dv; c++) o[c] = o[c]! + w[j]! * va[b]![j]![c]!;
      wb.push(w);
      ob.push(o);
    }
    weights.push(wb);
    output.push(ob);
  }
  return { output: tf.tensor3d(output, [bs, tq, dv]), weights: tf.tensor3d(weights, [bs, tq, tk]) };
}
