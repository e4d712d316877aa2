import * as tf from "@tensorflow/tfjs";

// One head at a time with tf.slice on the feature axis, heads concatenated with tf.concat.
type P = { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D; bq: tf.Tensor1D; bk: tf.Tensor1D; bv: tf.Tensor1D; bo: tf.Tensor1D };

const project = (x: tf.Tensor3D, w: tf.Tensor2D, b: tf.Tensor1D) =>
  tf.einsum("btd,de->bte", x, w).add(b) as tf.Tensor3D;

export function multiHeadAttention(x: tf.Tensor3D, p: P, numHeads: number, mask?: tf.Tensor3D) {
  const [bsz, t, dModel] = x.shape;
  const dk = dModel / numHeads;
  const q = project(x, p.wq, p.bq);
  const k = project(x, p.wk, p.bk);
  const v = project(x, p.wv, p.bv);
  const heads: tf.Tensor3D[] = [];
  for (let h = 0; h < numHeads; h++) {
    const qh = q.slice([0, 0, h * dk], [bsz, t, dk]);
    const kh = k.slice([0, 0, h * dk], [bsz, t, dk]);
    const vh = v.slice([0, 0, h * dk], [bsz, t, dk]);
    let s = qh.matMul(kh, false, true).div(Math.sqrt(dk));
    if (mask !== undefined) s = tf.where(mask.greater(0), s, tf.fill(s.shape, -1e30));
    let w = tf.softmax(s);
    if (mask !== undefined) w = w.mul(mask.greater(0).any(-1, true).cast("float32")); // fully masked rows → 0
    heads.push(w.matMul(vh) as tf.Tensor3D);
  }
  return project(tf.concat(heads, 2), p.wo, p.bo);
}
