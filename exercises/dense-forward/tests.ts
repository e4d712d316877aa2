import type * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, randomCase, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  x: tf.Tensor;
  w: tf.Tensor;
  b: tf.Tensor;
}

function draw(rng: Rng, n: number, d: number, m: number, scale = 1): Inputs {
  return { x: rng.normal([n, d], 0, scale), w: rng.normal([d, m], 0, 1 / Math.sqrt(d)), b: rng.normal([m]) };
}

/** D != M so that a transposed weight matrix cannot go unnoticed. */
function randomSizes(rng: Rng): [number, number, number] {
  const n = rng.int(2, 10);
  const d = rng.int(2, 20);
  let m = rng.int(1, 12);
  if (m === d) m += 1;
  return [n, d, m];
}

export default defineTests<Inputs>({
  run: (i) => call("denseForward", i.x, i.w, i.b),
  expected: (i) => reference.denseForward(i.x, i.w, i.b),
  domain: (i) => allOf(nonEmpty({ x: i.x, w: i.w, b: i.b }), shaped("w", i.w, [i.x.shape[1], undefined]), shaped("b", i.b, [i.w.shape[1]])),
  cases: [
    randomCase("small batch (N=4, D=3, M=5)", (rng) => draw(rng, 4, 3, 5), { visibility: "public" }),
    randomCase("one example (N=1, D=6, M=2)", (rng) => draw(rng, 1, 6, 2), { visibility: "public" }),
    randomCase("random sizes", (rng) => draw(rng, ...randomSizes(rng)), { points: 2 }),
    randomCase("random sizes, second draw", (rng) => draw(rng, ...randomSizes(rng)), { points: 2 }),
    randomCase("wide layer (N=16, D=32, M=64)", (rng) => draw(rng, 16, 32, 64)),
    edgeCase("N = 1", (rng) => draw(rng, 1, 7, 3)),
    edgeCase("single output (M = 1)", (rng) => draw(rng, 5, 4, 1)),
    // Square weights: x·wᵀ has the right shape here, so only the values tell it apart.
    edgeCase("square weights (D = M)", (rng) => draw(rng, 4, 6, 6)),
    edgeCase("large inputs (|x| ~ 1e3)", (rng) => draw(rng, 6, 5, 4, 1e3)),
    edgeCase("zero input: the output is the bias", (rng) => ({ ...draw(rng, 3, 4, 5), x: rng.normal([3, 4], 0, 1).mul(0) })),
  ],
});
