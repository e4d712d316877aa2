// Softmax backward through the explicit per-row Jacobian diag(p) − p·pᵀ (a batched [Tk, Tk] matrix per query), explicit transposes, no tidy.
import * as tf from "@tensorflow/tfjs";

export function attentionBackward(dOut: tf.Tensor3D, q: tf.Tensor3D, k: tf.Tensor3D, v: tf.Tensor3D) {
  const [b, tq, d] = q.shape;
  const tk = k.shape[1];
  const kT = k.transpose([0, 2, 1]);
  const s = q.matMul(kT).div(Math.sqrt(d));
  const e = s.sub(s.max(2, true)).exp();
  const p = e.div(e.sum(2, true)) as tf.Tensor3D;
  const dv = p.transpose([0, 2, 1]).matMul(dOut) as tf.Tensor3D;
  const dp = dOut.matMul(v.transpose([0, 2, 1]));
  const rows = p.reshape([b * tq, tk]);
  const jac = tf.sub(tf.mul(rows.expandDims(2), tf.eye(tk).expandDims(0)), tf.matMul(rows.expandDims(2), rows.expandDims(1))); // [B·Tq, Tk, Tk]
  const ds = tf.matMul(dp.reshape([b * tq, 1, tk]), jac).reshape([b, tq, tk]);
  const dq = ds.matMul(k).div(Math.sqrt(d)) as tf.Tensor3D;
  const dk = ds.transpose([0, 2, 1]).matMul(q).div(Math.sqrt(d)) as tf.Tensor3D;
  return { dq, dk, dv };
}
