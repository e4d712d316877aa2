// Async plain JS loops over `await array()` in float64 numbers, one example and one query at a time.
import * as tf from "@tensorflow/tfjs";

const zeros = (r: number, c: number): number[][] => Array.from({ length: r }, () => new Array<number>(c).fill(0));

export async function attentionBackward(dOut: tf.Tensor3D, q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D) {
  const [ga, qa, ka, va] = await Promise.all([dOut.array(), q.array(), k.array(), v.array()]);
  const [bs, tq, d] = q.shape;
  const tk = k.shape[1];
  const dvDim = v.shape[2];
  const root = Math.sqrt(d);
  const dq: number[][][] = [];
  const dk: number[][][] = [];
  const dv: number[][][] = [];
  for (let b = 0; b < bs; b++) {
    const [Q, K, V, G] = [qa[b]!, ka[b]!, va[b]!, ga[b]!];
    const dqb = zeros(tq, d);
    const dkb = zeros(tk, d);
    const dvb = zeros(tk, dvDim);
    for (let i = 0; i < tq; i++) {
      const s = K.map((kj) => kj.reduce((acc, x, c) => acc + x * Q[i]![c]!, 0) / root);
      const m = Math.max(...s);
      const e = s.map((x) => Math.exp(x - m));
      const z = e.reduce((a, x) => a + x, 0);
      const p = e.map((x) => x / z);
      const dp = V.map((vj) => vj.reduce((acc, x, c) => acc + x * G[i]![c]!, 0));
      const dot = p.reduce((acc, pj, j) => acc + pj * dp[j]!, 0);
      for (let j = 0; j < tk; j++) {
        for (let c = 0; c < dvDim; c++) dvb[j]![c] = dvb[j]![c]! + p[j]! * G[i]![c]!;
        const ds = (p[j]! * (dp[j]! - dot)) / root;
        for (let c = 0; c < d; c++) {
          dqb[i]![c] = dqb[i]![c]! + ds * K[j]![c]!;
          dkb[j]![c] = dkb[j]![c]! + ds * Q[i]![c]!;
        }
      }
    }
    dq.push(dqb);
    dk.push(dkb);
    dv.push(dvb);
  }
  return { dq: tf.tensor3d(dq, [bs, tq, d]), dk: tf.tensor3d(dk, [bs, tk, d]), dv: tf.tensor3d(dv, [bs, tk, dvDim]) };
}
