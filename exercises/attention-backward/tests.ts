import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, randomCase, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  dOut: tf.Tensor;
  q: tf.Tensor;
  k: tf.Tensor;
  v: tf.Tensor;
}

function draw(rng: Rng, b: number, tq: number, tk: number, d: number, dv: number, scale = 1): Inputs {
  return { dOut: rng.normal([b, tq, dv]), q: rng.normal([b, tq, d], 0, scale), k: rng.normal([b, tk, d], 0, scale), v: rng.normal([b, tk, dv]) };
}

/** Gradients by autodiff of the reference forward pass: sum(dOut ⊙ attention(q, k, v)). */
function autodiff(i: Inputs): { dq: tf.Tensor; dk: tf.Tensor; dv: tf.Tensor } {
  const f = (q: tf.Tensor, k: tf.Tensor, v: tf.Tensor): tf.Scalar => tf.sum(tf.mul(reference.scaledDotProductAttention(q, k, v).output, i.dOut));
  const [dq, dk, dv] = tf.grads(f)([i.q, i.k, i.v]);
  return { dq: dq!, dk: dk!, dv: dv! };
}

/** Tq, Tk, d, dv pairwise different. */
function distinct(rng: Rng): [number, number, number, number] {
  const [tq, tk, d, dv] = rng.shuffle([2, 3, 4, 5, 6, 7]).slice(0, 4) as [number, number, number, number];
  return [tq, tk, d, dv];
}

export default defineTests<Inputs>({
  run: (i) => call("attentionBackward", i.dOut, i.q, i.k, i.v),
  expected: (i) => reference.attentionBackward(i.dOut, i.q, i.k, i.v),
  domain: (i) => {
    const [b, tq, d] = i.q.shape;
    const dv = i.v.shape[2];
    return allOf(
      nonEmpty({ dOut: i.dOut, q: i.q, k: i.k, v: i.v }),
      shaped("q", i.q, [b, tq, d]),
      shaped("k", i.k, [b, undefined, d]),
      shaped("v", i.v, [b, i.k.shape[1], undefined]),
      shaped("dOut", i.dOut, [b, tq, dv]),
    );
  },
  cases: [
    randomCase("one example (Tq=2, Tk=3, d=4, dv=2)", (rng) => draw(rng, 1, 2, 3, 4, 2), { visibility: "public" }),
    randomCase("batch, all sizes different", (rng) => draw(rng, 2, ...distinct(rng)), { points: 3 }),
    randomCase("agrees with autodiff of the forward pass", (rng) => draw(rng, 2, ...distinct(rng)), { points: 2, expected: autodiff }),
    randomCase("large head dimension (d = 32)", (rng) => draw(rng, 2, 4, 5, 32, 3), { points: 2 }),
    edgeCase("a single key (Tk = 1): dq and dk vanish", (rng) => draw(rng, 2, 3, 1, 4, 2)),
    edgeCase("peaked attention (large scores)", (rng) => draw(rng, 1, 3, 4, 4, 2, 3), { points: 2 }),
  ],
});
