import * as tf from "@tensorflow/tfjs";

// One example at a time with 2-D matrices, then stacked (async: reads the mask values).
export async function scaledDotProductAttention(q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D, mask?: tf.Tensor3D) {
  const outs: tf.Tensor2D[] = [];
  const ws: tf.Tensor2D[] = [];
  const scale = 1 / Math.sqrt(q.shape[2]);
  const maskRows = mask === undefined ? undefined : ((await mask.array()) as number[][][]);
  for (let b = 0; b < q.shape[0]; b++) {
    const qb = tf.squeeze(tf.slice(q, [b, 0, 0], [1, -1, -1]), [0]) as tf.Tensor2D;
    const kb = tf.squeeze(tf.slice(k, [b, 0, 0], [1, -1, -1]), [0]) as tf.Tensor2D;
    const vb = tf.squeeze(tf.slice(v, [b, 0, 0], [1, -1, -1]), [0]) as tf.Tensor2D;
    const s = (await tf.mul(tf.matMul(qb, kb, false, true), scale).array()) as number[][];
    const w = s.map((row, i) => {
      const ok = row.map((_, j) => (maskRows === undefined ? true : maskRows[b]![i]![j]! > 0));
      const m = Math.max(...row.filter((_, j) => ok[j]), -Infinity);
      const e = row.map((z, j) => (ok[j] ? Math.exp(z - m) : 0));
      const total = e.reduce((a, c) => a + c, 0);
      return e.map((x) => (total > 0 ? x / total : 0));
    });
    const wt = tf.tensor2d(w, [s.length, kb.shape[0]]);
    ws.push(wt);
    outs.push(tf.matMul(wt, vb));
  }
  return { output: tf.stack(outs) as tf.Tensor3D, weights: tf.stack(ws) as tf.Tensor3D };
}
