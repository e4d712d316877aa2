import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, numberIn, randomCase, shaped, valuesIn } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  x: tf.Tensor;
  p: number;
  u: tf.Tensor;
  training: boolean;
}

const draw = (rng: Rng, shape: number[], p: number, training: boolean): Inputs => ({ x: rng.normal(shape), p, u: rng.uniform(shape), training });

export default defineTests<Inputs>({
  run: (i) => call("dropoutForward", i.x, i.p, i.u, i.training),
  expected: (i) => reference.dropoutForward(i.x, i.p, i.u, i.training),
  domain: (i) => allOf(nonEmpty({ x: i.x }), numberIn("p", i.p, 0, 1), shaped("u", i.u, i.x.shape), valuesIn("u", i.u, 0, 1)),
  cases: [
    randomCase("training, p = 0.5", (rng) => draw(rng, [4, 5], 0.5, true), { visibility: "public" }),
    randomCase("not training: identity", (rng) => draw(rng, [4, 5], 0.5, false), { visibility: "public" }),
    randomCase("training, random p and shape", (rng) => draw(rng, [rng.int(1, 6), rng.int(1, 6), rng.int(1, 4)], rng.next() * 0.9, true), { points: 3 }),
    randomCase("not training with p = 0.3 (no scaling at test time)", (rng) => draw(rng, [10], 0.3, false), { points: 2 }),
    edgeCase("u exactly equal to p is kept", () => ({ x: tf.tensor1d([1, 2, 3, 4]), p: 0.25, u: tf.tensor1d([0.25, 0.1, 0.9, 0.25]), training: true }), { points: 2 }),
    edgeCase("p = 0 while training: identity", (rng) => draw(rng, [3, 3], 0, true)),
    edgeCase("high drop rate (p = 0.9)", (rng) => draw(rng, [20], 0.9, true)),
  ],
});
