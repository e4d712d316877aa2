import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, intIn, nonEmpty, randomCase, requires, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  x: tf.Tensor;
  p: reference.EncoderParams;
  numHeads: number;
}

function params(rng: Rng, d: number, dff: number): reference.EncoderParams {
  const w = (i: number, o: number): tf.Tensor => rng.normal([i, o], 0, 1 / Math.sqrt(i));
  const b = (n: number): tf.Tensor => rng.normal([n], 0, 0.2);
  return {
    attn: { wq: w(d, d), wk: w(d, d), wv: w(d, d), wo: w(d, d), bq: b(d), bk: b(d), bv: b(d), bo: b(d) },
    ln1: { gamma: rng.normal([d], 1, 0.3), beta: b(d) },
    ln2: { gamma: rng.normal([d], 1, 0.3), beta: b(d) },
    w1: w(d, dff),
    b1: b(dff),
    w2: w(dff, d),
    b2: b(d),
  };
}

const draw = (rng: Rng, bsz: number, t: number, d: number, dff: number, heads: number, scale = 1): Inputs => ({
  x: tf.mul(rng.normal([bsz, t, d]), scale),
  p: params(rng, d, dff),
  numHeads: heads,
});

export default defineTests<Inputs>({
  run: (i) => call("encoderBlock", i.x, i.p, i.numHeads),
  expected: (i) => reference.encoderBlock(i.x, i.p, i.numHeads),
  domain: (i) => {
    const [, , d] = i.x.shape;
    return allOf(
      shaped("x", i.x, [undefined, undefined, undefined]),
      nonEmpty({ x: i.x, w1: i.p.w1 }),
      intIn("numHeads", i.numHeads, 1),
      requires(d! % i.numHeads === 0, `dModel = ${d} is not a multiple of numHeads = ${i.numHeads}`),
      shaped("attn.wq", i.p.attn.wq, [d, d]),
      shaped("w1", i.p.w1, [d, undefined]),
      shaped("w2", i.p.w2, [i.p.w1.shape[1], d]),
    );
  },
  cases: [
    randomCase("small block (B=1, T=3, dModel=4, dFF=8, 2 heads)", (rng) => draw(rng, 1, 3, 4, 8, 2), { visibility: "public" }),
    randomCase("random sizes", (rng) => {
      // dModel >= 4: with 2 features, a row whose two values nearly coincide has a variance near
      // eps, and a correct float32 layer norm using E[x²] − E[x]² then misses the tolerance
      // (seeds 4, 14, 38 did); such a row is ill-conditioned, not a mistake of the solution.
      const heads = rng.int(1, 4);
      const minDk = Math.ceil(4 / heads);
      return draw(rng, rng.int(1, 3), rng.int(2, 6), heads * rng.int(minDk, minDk + 3), rng.int(2, 12), heads);
    }, { points: 3 }),
    randomCase("wider feed-forward (dFF = 4·dModel)", (rng) => draw(rng, 2, 4, 8, 32, 4), { points: 2 }),
    edgeCase("T = 1", (rng) => draw(rng, 2, 1, 6, 6, 3)),
    edgeCase("inputs with a large offset and scale", (rng) => ({ ...draw(rng, 1, 4, 4, 8, 2, 30) }), { points: 2 }),
  ],
});
