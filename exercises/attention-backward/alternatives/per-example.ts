import * as tf from "@tensorflow/tfjs";

// One example at a time with 2-D matrices and tf.softmax (allowed here), then stacked.
export function attentionBackward(dOut: tf.Tensor3D, q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D) {
  const dqs: tf.Tensor2D[] = [];
  const dks: tf.Tensor2D[] = [];
  const dvs: tf.Tensor2D[] = [];
  const root = Math.sqrt(q.shape[2]);
  const qs = tf.unstack(q) as tf.Tensor2D[];
  const ks = tf.unstack(k) as tf.Tensor2D[];
  const vs = tf.unstack(v) as tf.Tensor2D[];
  const gs = tf.unstack(dOut) as tf.Tensor2D[];
  qs.forEach((qb, b) => {
    const kb = ks[b]!;
    const vb = vs[b]!;
    const gb = gs[b]!;
    const p = tf.softmax(qb.matMul(kb.transpose()).div(root)) as tf.Tensor2D;
    dvs.push(p.transpose().matMul(gb) as tf.Tensor2D);
    const dp = gb.matMul(vb.transpose());
    const rowDot = dp.mul(p).sum(1, true);
    const ds = p.mul(dp.sub(rowDot)) as tf.Tensor2D;
    dqs.push(ds.matMul(kb).div(root) as tf.Tensor2D);
    dks.push(ds.transpose().matMul(qb).div(root) as tf.Tensor2D);
  });
  return { dq: tf.stack(dqs) as tf.Tensor3D, dk: tf.stack(dks) as tf.Tensor3D, dv: tf.stack(dvs) as tf.Tensor3D };
}
