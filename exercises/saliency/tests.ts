import * as tf from "@tensorflow/tfjs";
import { allOf, defineTests, edgeCase, harness, nonEmpty, randomCase, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

/**
 * Scoring functions as JS text `(tf, p) => (x) => scores[N]`, where p holds their parameters.
 * The same text builds f in the sandbox and here for the reference.
 */
const MODELS = {
  linear: "(tf, p) => (x) => tf.squeeze(tf.matMul(x, p.w), [1])",
  mlp: "(tf, p) => (x) => tf.squeeze(tf.matMul(tf.tanh(tf.add(tf.matMul(x, p.w1), p.b1)), p.w2), [1])",
  quadratic: "(tf, p) => (x) => tf.sum(tf.mul(tf.square(x), p.w), 1)",
  maxFeature: "(tf, p) => (x) => tf.max(tf.mul(x, p.w), 1)",
} as const;
type Model = keyof typeof MODELS;

interface Inputs {
  model: Model;
  x: tf.Tensor;
  p: Record<string, tf.Tensor>;
}

const HARNESS = (m: Model): string => `async (mod, tf, x, p) => mod.inputSaliency((${MODELS[m]})(tf, p), x)`;

function hostModel(i: Inputs): (x: tf.Tensor2D) => tf.Tensor1D {
  const make = new Function("return " + MODELS[i.model])() as (t: typeof tf, p: Record<string, tf.Tensor>) => (x: tf.Tensor2D) => tf.Tensor1D;
  return make(tf, i.p);
}

function draw(rng: Rng, model: Model, n: number, d: number): Inputs {
  const x = rng.normal([n, d]);
  switch (model) {
    case "mlp":
      return { model, x, p: { w1: rng.normal([d, 6]), b1: rng.normal([6]), w2: rng.normal([6, 1]) } };
    case "linear":
      return { model, x, p: { w: rng.normal([d, 1]) } };
    default:
      return { model, x, p: { w: rng.normal([d]) } };
  }
}

export default defineTests<Inputs>({
  run: (i) => harness(HARNESS(i.model), i.x, i.p),
  expected: (i) => reference.inputSaliency(hostModel(i), i.x),
  domain: (i) => allOf(shaped("x", i.x, [undefined, undefined]), nonEmpty({ x: i.x, ...i.p })),
  cases: [
    randomCase("linear scorer (saliency = |w| on every row)", (rng) => draw(rng, "linear", 3, 4), { visibility: "public" }),
    randomCase("small tanh MLP", (rng) => draw(rng, "mlp", 5, 3), { points: 3 }),
    randomCase("quadratic scorer", (rng) => draw(rng, "quadratic", 4, 6), { points: 2 }),
    randomCase("max over features (one salient feature per row)", (rng) => draw(rng, "maxFeature", 6, 5), { points: 2 }),
    edgeCase("a single row", (rng) => draw(rng, "mlp", 1, 4)),
  ],
});
