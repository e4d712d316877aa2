import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, randomCase, requires, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  x: tf.Tensor;
  gamma: tf.Tensor;
  beta: tf.Tensor;
  eps: number;
}

function draw(rng: Rng, n: number, d: number, eps = 1e-5, scale = 1, offset = 0): Inputs {
  return { x: tf.add(rng.normal([n, d], 0, scale), offset), gamma: rng.normal([d], 1, 0.5), beta: rng.normal([d], 0, 0.5), eps };
}

export default defineTests<Inputs>({
  run: (i) => call("layerNorm", i.x, i.gamma, i.beta, i.eps),
  expected: (i) => reference.layerNorm(i.x, i.gamma, i.beta, i.eps),
  domain: (i) => allOf(shaped("x", i.x, [undefined, undefined]), nonEmpty({ x: i.x }), shaped("gamma", i.gamma, [i.x.shape[1]]), shaped("beta", i.beta, [i.x.shape[1]]), requires(i.eps > 0, `eps = ${i.eps} must be positive`)),
  cases: [
    randomCase("small batch (N=3, D=5)", (rng) => draw(rng, 3, 5), { visibility: "public" }),
    randomCase("random sizes", (rng) => draw(rng, rng.int(2, 10), rng.int(2, 30)), { points: 2 }),
    randomCase("shifted and scaled rows (mean 50, std 10)", (rng) => draw(rng, 4, 8, 1e-5, 10, 50), { points: 2 }),
    randomCase("few features (D = 2), eps 1e-3", (rng) => draw(rng, 6, 2, 1e-3), { points: 2 }),
    // Constants of small magnitude: with variance 0 the scale is 1/sqrt(eps) ≈ 316, and a correct
    // float32 solution that folds the normalisation into one affine map (x·a + (β − μ·a)) cancels
    // two products of size |x|·316·γ; at |x| = 5 its rounding error alone exceeded the tolerance.
    edgeCase("a constant row (variance 0)", (rng) => ({ ...draw(rng, 3, 4), x: tf.tensor2d([[0.5, 0.5, 0.5, 0.5], [1, -1, 3, 0], [-0.25, -0.25, -0.25, -0.25]]) }), { points: 2 }),
    edgeCase("N = 1", (rng) => draw(rng, 1, 6)),
    edgeCase("large eps (1)", (rng) => draw(rng, 3, 4, 1)),
  ],
});
