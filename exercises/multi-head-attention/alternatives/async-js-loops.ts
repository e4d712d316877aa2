// Async plain JS loops over `await array()` in float64 numbers: projections per token, attention per (example, head, query), output projection.
import * as tf from "@tensorflow/tfjs";

type P = { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D; bq: tf.Tensor1D; bk: tf.Tensor1D; bv: tf.Tensor1D; bo: tf.Tensor1D };

function dense(rows: number[][], w: number[][], b: number[]): number[][] {
  return rows.map((r) => b.map((bj, j) => r.reduce((acc, x, i) => acc + x * w[i]![j]!, bj)));
}

export async function multiHeadAttention(x: tf.Tensor3D, p: P, numHeads: number, mask?: tf.Tensor3D): Promise<tf.Tensor3D> {
  const xs = await x.array();
  const [wq, wk, wv, wo] = await Promise.all([p.wq.array(), p.wk.array(), p.wv.array(), p.wo.array()]);
  const [bq, bk, bv, bo] = await Promise.all([p.bq.array(), p.bk.array(), p.bv.array(), p.bo.array()]);
  const ms = mask === undefined ? undefined : await mask.array();
  const [, t, dModel] = x.shape;
  const dk = dModel / numHeads;
  const out = xs.map((seq, b) => {
    const q = dense(seq, wq, bq);
    const k = dense(seq, wk, bk);
    const v = dense(seq, wv, bv);
    const concat = seq.map(() => new Array<number>(dModel).fill(0));
    for (let h = 0; h < numHeads; h++) {
      const lo = h * dk;
      for (let i = 0; i < t; i++) {
        const allowed = (j: number): boolean => ms === undefined || ms[b]![i]![j] !== 0;
        const s: number[] = [];
        for (let j = 0; j < t; j++) {
          let dot = 0;
          for (let c = lo; c < lo + dk; c++) dot += q[i]![c]! * k[j]![c]!;
          s.push(dot / Math.sqrt(dk));
        }
        let max = -Infinity;
        for (let j = 0; j < t; j++) if (allowed(j)) max = Math.max(max, s[j]!);
        const e = s.map((sj, j) => (allowed(j) ? Math.exp(sj - max) : 0));
        const z = e.reduce((a, c) => a + c, 0);
        if (z === 0) continue; // every key masked: this head contributes zeros
        for (let j = 0; j < t; j++) for (let c = lo; c < lo + dk; c++) concat[i]![c] = concat[i]![c]! + (e[j]! / z) * v[j]![c]!;
      }
    }
    return dense(concat, wo, bo);
  });
  return tf.tensor3d(out);
}
