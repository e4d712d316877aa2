import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, numberIn, randomCase, requires, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  param: tf.Tensor;
  grad: tf.Tensor;
  velocity: tf.Tensor;
  cfg: { lr: number; momentum: number };
}

const draw = (rng: Rng, shape: number[], lr: number, momentum: number, zeroVelocity = false): Inputs => ({
  param: rng.normal(shape),
  grad: rng.normal(shape),
  velocity: zeroVelocity ? tf.zeros(shape) : rng.normal(shape, 0, 0.5),
  cfg: { lr, momentum },
});

export default defineTests<Inputs>({
  run: (i) => call("sgdMomentumStep", i.param, i.grad, i.velocity, i.cfg),
  expected: (i) => reference.sgdMomentumStep(i.param, i.grad, i.velocity, i.cfg),
  domain: (i) => allOf(shaped("grad", i.grad, i.param.shape), shaped("velocity", i.velocity, i.param.shape), nonEmpty({ param: i.param }), requires(i.cfg.lr > 0, `lr = ${i.cfg.lr} must be positive`), numberIn("momentum", i.cfg.momentum, 0, 1)),
  cases: [
    randomCase("first step (zero velocity), lr 0.1, momentum 0.9", (rng) => draw(rng, [3, 2], 0.1, 0.9, true), { visibility: "public" }),
    randomCase("mid-training step (non-zero velocity)", (rng) => draw(rng, [3, 2], 0.1, 0.9), { visibility: "public" }),
    randomCase("random shape and settings", (rng) => draw(rng, [rng.int(1, 6), rng.int(1, 6)], 0.01 + rng.next() * 0.5, rng.next() * 0.99), { points: 3 }),
    randomCase("3-D parameter, momentum 0.5", (rng) => draw(rng, [2, 3, 4], 0.05, 0.5), { points: 2 }),
    edgeCase("momentum 0 is plain SGD", (rng) => draw(rng, [5], 0.3, 0)),
    edgeCase("zero gradient: coasting on the velocity", (rng) => ({ ...draw(rng, [4], 0.1, 0.9), grad: tf.zeros([4]) })),
    edgeCase("scalar parameter", () => ({ param: tf.scalar(2), grad: tf.scalar(-1), velocity: tf.scalar(0.25), cfg: { lr: 0.5, momentum: 0.8 } })),
  ],
});
