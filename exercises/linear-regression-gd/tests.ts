import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, intIn, nonEmpty, randomCase, requires, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  x: tf.Tensor;
  y: tf.Tensor;
  lr: number;
  steps: number;
}

/** y = x·w* + b* + noise with standardised x, so lr up to ~0.3 converges. */
function problem(rng: Rng, n: number, d: number, lr: number, steps: number, noise = 0.1): Inputs {
  const x = rng.normal([n, d]);
  const wTrue = rng.normal([d, 1], 0, 2);
  const bTrue = rng.normal([1], 0, 3);
  const y = tf.add(tf.add(tf.squeeze(tf.matMul(x as tf.Tensor2D, wTrue as tf.Tensor2D), [1]), bTrue), rng.normal([n], 0, noise));
  return { x, y, lr, steps };
}

export default defineTests<Inputs>({
  run: (i) => call("fitLinearRegression", i.x, i.y, i.lr, i.steps),
  expected: (i) => reference.fitLinearRegression(i.x, i.y, i.lr, i.steps),
  domain: (i) => allOf(shaped("x", i.x, [undefined, undefined]), nonEmpty({ x: i.x }), shaped("y", i.y, [i.x.shape[0]]), requires(i.lr > 0, `lr = ${i.lr} must be positive`), intIn("steps", i.steps, 1)),
  cases: [
    randomCase("one feature, 10 steps", (rng) => problem(rng, 12, 1, 0.1, 10), { visibility: "public" }),
    randomCase("three features, 25 steps", (rng) => problem(rng, 20, 3, 0.1, 25), { points: 2 }),
    randomCase("random size, lr 0.2, 15 steps", (rng) => problem(rng, rng.int(8, 30), rng.int(2, 6), 0.2, 15), { points: 2 }),
    edgeCase("a single step (losses has one entry)", (rng) => problem(rng, 6, 2, 0.1, 1)),
    edgeCase("N = 1", (rng) => problem(rng, 1, 2, 0.05, 5)),
    edgeCase("constant target: only the bias moves", () => ({ x: tf.tensor2d([[1, -1], [-1, 1], [2, -2], [-2, 2]]), y: tf.fill([4], 3), lr: 0.1, steps: 8 })),
  ],
});
