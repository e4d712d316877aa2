// Each head projects with its own column slice of wq/wk/wv; the output projection is a sum over heads of head_h · wo[rows of head h] (no concat); tf.softmax with an additive mask, then multiplied by the mask.
import * as tf from "@tensorflow/tfjs";

type P = { wq: tf.Tensor2D; wk: tf.Tensor2D; wv: tf.Tensor2D; wo: tf.Tensor2D; bq: tf.Tensor1D; bk: tf.Tensor1D; bv: tf.Tensor1D; bo: tf.Tensor1D };

export function multiHeadAttention(x: tf.Tensor3D, p: P, numHeads: number, mask?: tf.Tensor3D): tf.Tensor3D {
  const [b, t, dModel] = x.shape;
  const dk = dModel / numHeads;
  const flat = x.reshape([b * t, dModel]);
  const proj = (w: tf.Tensor2D, bias: tf.Tensor1D, h: number): tf.Tensor3D =>
    flat.matMul(w.slice([0, h * dk], [dModel, dk])).add(bias.slice([h * dk], [dk])).reshape([b, t, dk]);
  let out: tf.Tensor = tf.zeros([b * t, dModel]);
  for (let h = 0; h < numHeads; h++) {
    const q = proj(p.wq, p.bq, h);
    const k = proj(p.wk, p.bk, h);
    const v = proj(p.wv, p.bv, h);
    let scores = q.matMul(k.transpose([0, 2, 1])).mul(1 / Math.sqrt(dk));
    if (mask !== undefined) scores = scores.add(tf.sub(1, mask).mul(-1e9));
    let w = tf.softmax(scores);
    if (mask !== undefined) w = w.mul(mask);
    const head = w.matMul(v).reshape([b * t, dk]);
    out = out.add(head.matMul(p.wo.slice([h * dk, 0], [dk, dModel])));
  }
  return out.add(p.bo).reshape([b, t, dModel]) as tf.Tensor3D;
}
