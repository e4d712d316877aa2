import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, intIn, nonEmpty, numberIn, randomCase, requires, shaped, valuesIn } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  param: tf.Tensor;
  grad: tf.Tensor;
  state: { m: tf.Tensor; v: tf.Tensor; t: number };
  cfg: { lr: number; beta1: number; beta2: number; epsilon: number };
}

const DEFAULTS = { lr: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

function draw(rng: Rng, shape: number[], t: number, cfg: Partial<Inputs["cfg"]> = {}): Inputs {
  const first = t === 0;
  return {
    param: rng.normal(shape),
    grad: rng.normal(shape),
    state: { m: first ? tf.zeros(shape) : rng.normal(shape, 0, 0.1), v: first ? tf.zeros(shape) : tf.square(rng.normal(shape, 0, 0.3)), t },
    cfg: { ...DEFAULTS, ...cfg },
  };
}

export default defineTests<Inputs>({
  run: (i) => call("adamStep", i.param, i.grad, i.state, i.cfg),
  expected: (i) => reference.adamStep(i.param, i.grad, i.state, i.cfg),
  domain: (i) =>
    allOf(
      nonEmpty({ param: i.param }),
      shaped("grad", i.grad, i.param.shape),
      shaped("state.m", i.state.m, i.param.shape),
      shaped("state.v", i.state.v, i.param.shape),
      valuesIn("state.v", i.state.v, 0, Infinity),
      intIn("state.t", i.state.t, 0),
      requires(i.cfg.lr > 0, "cfg.lr must be positive"),
      numberIn("cfg.beta1", i.cfg.beta1, 0, 1),
      numberIn("cfg.beta2", i.cfg.beta2, 0, 1),
      requires(i.cfg.epsilon > 0, "cfg.epsilon must be positive"),
    ),
  cases: [
    randomCase("first step (t = 0), default settings", (rng) => draw(rng, [3, 2], 0), { visibility: "public" }),
    randomCase("step 5 with non-zero moments", (rng) => draw(rng, [4], 5, { lr: 0.01 }), { visibility: "public" }),
    randomCase("random step count and settings", (rng) => draw(rng, [rng.int(1, 5), rng.int(1, 5)], rng.int(1, 50), { lr: 0.05, beta1: 0.8, beta2: 0.99 }), { points: 3 }),
    randomCase("second step (t = 1), large learning rate", (rng) => draw(rng, [2, 3, 2], 1, { lr: 0.5 }), { points: 2 }),
    edgeCase("tiny gradients: where epsilon sits matters", (rng) => ({ ...draw(rng, [6], 0), grad: rng.normal([6], 0, 1e-6) }), { points: 2 }),
    edgeCase("large epsilon (0.1)", (rng) => draw(rng, [5], 3, { epsilon: 0.1, lr: 0.1 })),
    edgeCase("late in training (t = 10000)", (rng) => draw(rng, [4], 10_000, { lr: 0.01 })),
  ],
});
