import * as tf from "@tensorflow/tfjs";
import { allOf, defineTests, edgeCase, feedbackOf, fromFeedback, harness, localText, nonEmpty, randomCase, requires, type CheckFn } from "@course/exercise-kit";
import type { Rng } from "@course/model-kit";

/**
 * Builds a small model in the sandbox with the given weights, round-trips it, then zeroes the
 * original's weights and predicts with the loaded model: a model that still shares the original's
 * weights (or is the original) predicts differently.
 */
const HARNESS = `async (mod, tf, x, layers, weights) => {
  const model = tf.sequential({ name: "harness_model" });
  layers.forEach((l, i) => model.add(tf.layers.dense({ units: l.units, activation: l.activation, ...(i === 0 ? { inputShape: [x.shape[1]] } : {}) })));
  model.setWeights(weights);
  const loaded = await mod.roundTrip(model);
  const isNewObject = loaded !== model;
  model.setWeights(weights.map((w) => tf.zerosLike(w)));
  return { isNewObject, prediction: loaded.predict(x) };
}`;

interface Inputs {
  x: tf.Tensor;
  layers: { units: number; activation: "relu" | "tanh" | "linear" }[];
  weights: tf.Tensor[];
}

function draw(rng: Rng, n: number, d: number, layers: Inputs["layers"]): Inputs {
  const weights: tf.Tensor[] = [];
  let inDim = d;
  for (const l of layers) {
    weights.push(rng.normal([inDim, l.units], 0, 1 / Math.sqrt(inDim)), rng.normal([l.units], 0, 0.3));
    inDim = l.units;
  }
  return { x: rng.normal([n, d]), layers, weights };
}

/** What the original model predicts, computed on the trusted side with the same weights. */
function predict(i: Inputs): { isNewObject: boolean; prediction: tf.Tensor } {
  let h = i.x;
  i.layers.forEach((l, k) => {
    const z = tf.add(tf.matMul(h as tf.Tensor2D, i.weights[2 * k] as tf.Tensor2D), i.weights[2 * k + 1]!);
    h = l.activation === "relu" ? tf.relu(z) : l.activation === "tanh" ? tf.tanh(z) : z;
  });
  return { isNewObject: true, prediction: h };
}

const newObject: CheckFn<Inputs> = (ctx) => {
  const out = ctx.outputs[0]!;
  const flag = out.t === "object" ? out.entries["isNewObject"] : undefined;
  if (flag?.t === "boolean" && !flag.v) {
    return fromFeedback(false, [
      localText({
        en: "roundTrip returned the model it was given, not a model loaded from the saved artifacts.",
        "zh-CN": "roundTrip 返回的是传入的原模型，而不是从保存的产物（artifacts）加载出来的模型。",
      }),
    ]);
  }
  const base = ctx.defaultCheck();
  if (base.pass) return base;
  const hint = localText({
    en: "(Is the loaded model independent of the original, with its own copy of the weights?)",
    "zh-CN": "（加载出来的模型是否独立于原模型，并拥有自己的一份权重副本？）",
  });
  return fromFeedback(false, [...feedbackOf(base), hint]);
};

export default defineTests<Inputs>({
  run: (i) => harness(HARNESS, i.x, i.layers, i.weights),
  expected: predict,
  domain: (i) => allOf(nonEmpty({ x: i.x }), requires(i.layers.length > 0 && i.layers.every((l) => Number.isInteger(l.units) && l.units >= 1), "the model needs at least one layer of at least one unit"), requires(i.weights.length === 2 * i.layers.length, "one kernel and one bias per layer")),
  cases: [
    randomCase("one dense layer", (rng) => draw(rng, 4, 3, [{ units: 2, activation: "linear" }]), { visibility: "public" }),
    randomCase("two layers (tanh, linear)", (rng) => draw(rng, 5, 4, [{ units: 6, activation: "tanh" }, { units: 3, activation: "linear" }]), { points: 3, check: newObject }),
    randomCase("three layers with relu", (rng) => draw(rng, 3, 5, [{ units: 4, activation: "relu" }, { units: 4, activation: "relu" }, { units: 1, activation: "linear" }]), { points: 3, check: newObject }),
    edgeCase("a single output unit, single example", (rng) => draw(rng, 1, 2, [{ units: 1, activation: "tanh" }]), { check: newObject }),
  ],
});
