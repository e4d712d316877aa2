import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, intIn, nonEmpty, randomCase, requires, shaped, valuesIn } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

type Params = { wq: tf.Tensor; wk: tf.Tensor; wv: tf.Tensor; wo: tf.Tensor; bq: tf.Tensor; bk: tf.Tensor; bv: tf.Tensor; bo: tf.Tensor };

interface Inputs {
  x: tf.Tensor;
  p: Params;
  numHeads: number;
  mask?: tf.Tensor;
}

function mhaParams(rng: Rng, d: number): Params {
  const w = (): tf.Tensor => rng.normal([d, d], 0, 1 / Math.sqrt(d));
  const b = (): tf.Tensor => rng.normal([d], 0, 0.2);
  return { wq: w(), wk: w(), wv: w(), wo: w(), bq: b(), bk: b(), bv: b(), bo: b() };
}

function randomMask(rng: Rng, b: number, t: number, emptyRow?: number): tf.Tensor {
  const m = new Float32Array(b * t * t);
  for (let i = 0; i < b * t; i++) {
    if (emptyRow !== undefined && i % t === emptyRow) continue;
    for (let j = 0; j < t; j++) m[i * t + j] = rng.next() < 0.6 ? 1 : 0;
    m[i * t + rng.int(0, t)] = 1;
  }
  return tf.tensor3d(m, [b, t, t]);
}

function draw(rng: Rng, b: number, t: number, d: number, heads: number): Inputs {
  return { x: rng.normal([b, t, d]), p: mhaParams(rng, d), numHeads: heads };
}

export default defineTests<Inputs>({
  run: (i) => (i.mask === undefined ? call("multiHeadAttention", i.x, i.p, i.numHeads) : call("multiHeadAttention", i.x, i.p, i.numHeads, i.mask)),
  expected: (i) => reference.multiHeadAttention(i.x, i.p, i.numHeads, i.mask),
  domain: (i) => {
    const [b, t, d] = i.x.shape;
    return allOf(
      shaped("x", i.x, [undefined, undefined, undefined]),
      nonEmpty({ x: i.x }),
      intIn("numHeads", i.numHeads, 1),
      requires(d! % i.numHeads === 0, `dModel = ${d} is not a multiple of numHeads = ${i.numHeads}`),
      allOf(...(["wq", "wk", "wv", "wo"] as const).map((k) => shaped(k, i.p[k], [d, d]))),
      allOf(...(["bq", "bk", "bv", "bo"] as const).map((k) => shaped(k, i.p[k], [d]))),
      i.mask === undefined ? true : allOf(shaped("mask", i.mask, [b, t, t]), valuesIn("mask", i.mask, 0, 1, true)),
    );
  },
  cases: [
    randomCase("2 heads, no mask (B=1, T=3, dModel=4)", (rng) => draw(rng, 1, 3, 4, 2), { visibility: "public" }),
    randomCase("4 heads with a causal mask", (rng) => {
      const i = draw(rng, 2, 5, 8, 4);
      return { ...i, mask: tf.stack([reference.causalMask(5), reference.causalMask(5)]) };
    }, { visibility: "public" }),
    randomCase("random heads and sizes", (rng) => {
      const heads = rng.int(1, 5);
      return draw(rng, rng.int(1, 4), rng.int(2, 7), heads * rng.int(1, 5), heads);
    }, { points: 3 }),
    randomCase("random mask, 3 heads", (rng) => ({ ...draw(rng, 2, 4, 6, 3), mask: randomMask(rng, 2, 4) }), { points: 3 }),
    edgeCase("one head equals plain attention after projections", (rng) => draw(rng, 2, 3, 5, 1)),
    edgeCase("as many heads as features (dk = 1)", (rng) => draw(rng, 1, 4, 4, 4), { points: 2 }),
    edgeCase("a fully masked query row", (rng) => ({ ...draw(rng, 1, 4, 6, 2), mask: randomMask(rng, 1, 4, 2) }), { points: 2 }),
  ],
});
