// tf.einsum for every projection, layer norm from raw moments (E[x²] − E[x]²), heads in a loop with tf.softmax, relu as tf.maximum(z, 0); no tidy.
import * as tf from "@tensorflow/tfjs";

type T2 = tf.Tensor2D;
type T1 = tf.Tensor1D;
type Norm = { gamma: T1; beta: T1 };
type Params = { attn: { wq: T2; wk: T2; wv: T2; wo: T2; bq: T1; bk: T1; bv: T1; bo: T1 }; ln1: Norm; ln2: Norm; w1: T2; b1: T1; w2: T2; b2: T1 };

const dense = (x: tf.Tensor, w: T2, b: T1): tf.Tensor => tf.einsum("btd,de->bte", x, w).add(b);

function norm(x: tf.Tensor, { gamma, beta }: Norm): tf.Tensor {
  const mu = x.mean(-1, true);
  const variance = x.square().mean(-1, true).sub(mu.square());
  return x.sub(mu).div(variance.add(1e-5).sqrt()).mul(gamma).add(beta);
}

export function encoderBlock(x: tf.Tensor3D, p: Params, numHeads: number): tf.Tensor3D {
  const dk = x.shape[2] / numHeads;
  const z = norm(x, p.ln1);
  const [q, k, v] = [dense(z, p.attn.wq, p.attn.bq), dense(z, p.attn.wk, p.attn.bk), dense(z, p.attn.wv, p.attn.bv)];
  const heads: tf.Tensor[] = [];
  for (let h = 0; h < numHeads; h++) {
    const pick = (m: tf.Tensor): tf.Tensor => m.slice([0, 0, h * dk], [-1, -1, dk]);
    const scores = tf.einsum("bqc,bkc->bqk", pick(q), pick(k)).div(Math.sqrt(dk));
    heads.push(tf.einsum("bqk,bkc->bqc", tf.softmax(scores), pick(v)));
  }
  const hidden = x.add(dense(tf.concat(heads, -1), p.attn.wo, p.attn.bo));
  const inner = tf.maximum(dense(norm(hidden, p.ln2), p.w1, p.b1), 0);
  return hidden.add(dense(inner, p.w2, p.b2)) as tf.Tensor3D;
}
