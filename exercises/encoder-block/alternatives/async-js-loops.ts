// Async plain JS loops over `await array()` in float64 numbers, one sequence at a time: layer norm, per-head attention, relu FFN, residuals.
import * as tf from "@tensorflow/tfjs";

type Mat = number[][];
type T2 = tf.Tensor2D;
type T1 = tf.Tensor1D;
type Params = {
  attn: { wq: T2; wk: T2; wv: T2; wo: T2; bq: T1; bk: T1; bv: T1; bo: T1 };
  ln1: { gamma: T1; beta: T1 };
  ln2: { gamma: T1; beta: T1 };
  w1: T2;
  b1: T1;
  w2: T2;
  b2: T1;
};

const dense = (rows: Mat, w: Mat, b: number[]): Mat => rows.map((r) => b.map((bj, j) => r.reduce((acc, x, i) => acc + x * w[i]![j]!, bj)));
const addRows = (a: Mat, b: Mat): Mat => a.map((r, i) => r.map((x, j) => x + b[i]![j]!));

function norm(rows: Mat, gamma: number[], beta: number[]): Mat {
  return rows.map((r) => {
    const mean = r.reduce((a, x) => a + x, 0) / r.length;
    const variance = r.reduce((a, x) => a + (x - mean) ** 2, 0) / r.length;
    return r.map((x, j) => (gamma[j]! * (x - mean)) / Math.sqrt(variance + 1e-5) + beta[j]!);
  });
}

export async function encoderBlock(x: tf.Tensor3D, p: Params, numHeads: number): Promise<tf.Tensor3D> {
  const a = p.attn;
  const [xs, wq, wk, wv, wo, w1, w2] = await Promise.all([x.array(), a.wq.array(), a.wk.array(), a.wv.array(), a.wo.array(), p.w1.array(), p.w2.array()]);
  const [bq, bk, bv, bo, b1, b2] = await Promise.all([a.bq.array(), a.bk.array(), a.bv.array(), a.bo.array(), p.b1.array(), p.b2.array()]);
  const [g1, be1, g2, be2] = await Promise.all([p.ln1.gamma.array(), p.ln1.beta.array(), p.ln2.gamma.array(), p.ln2.beta.array()]);
  const dModel = x.shape[2];
  const dk = dModel / numHeads;
  const out = xs.map((seq) => {
    const z = norm(seq, g1, be1);
    const q = dense(z, wq, bq);
    const k = dense(z, wk, bk);
    const v = dense(z, wv, bv);
    const heads: Mat = seq.map(() => new Array<number>(dModel).fill(0));
    for (let h = 0; h < numHeads; h++) {
      for (let i = 0; i < seq.length; i++) {
        const s = k.map((kj) => {
          let dot = 0;
          for (let c = h * dk; c < (h + 1) * dk; c++) dot += q[i]![c]! * kj[c]!;
          return dot / Math.sqrt(dk);
        });
        const m = Math.max(...s);
        const e = s.map((sj) => Math.exp(sj - m));
        const total = e.reduce((acc, ej) => acc + ej, 0);
        e.forEach((ej, j) => {
          for (let c = h * dk; c < (h + 1) * dk; c++) heads[i]![c] = heads[i]![c]! + (ej / total) * v[j]![c]!;
        });
      }
    }
    const hidden = addRows(seq, dense(heads, wo, bo));
    const inner = dense(norm(hidden, g2, be2), w1, b1).map((r) => r.map((u) => Math.max(u, 0)));
    return addRows(hidden, dense(inner, w2, b2));
  });
  return tf.tensor3d(out);
}
