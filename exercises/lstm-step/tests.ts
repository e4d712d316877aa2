import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, randomCase, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  x: tf.Tensor;
  h: tf.Tensor;
  c: tf.Tensor;
  wx: tf.Tensor;
  wh: tf.Tensor;
  b: tf.Tensor;
}

function draw(rng: Rng, n: number, d: number, hidden: number, scale = 1): Inputs {
  return {
    x: rng.normal([n, d], 0, scale),
    h: rng.normal([n, hidden], 0, 0.5),
    c: rng.normal([n, hidden]),
    wx: rng.normal([d, 4 * hidden], 0, 1 / Math.sqrt(d)),
    wh: rng.normal([hidden, 4 * hidden], 0, 1 / Math.sqrt(hidden)),
    b: rng.normal([4 * hidden], 0, 0.5),
  };
}

export default defineTests<Inputs>({
  run: (i) => call("lstmStep", i.x, i.h, i.c, i.wx, i.wh, i.b),
  expected: (i) => reference.lstmStep(i.x, i.h, i.c, i.wx, i.wh, i.b),
  domain: (i) => {
    const [n, hidden] = i.h.shape;
    return allOf(
      nonEmpty({ x: i.x, h: i.h }),
      shaped("x", i.x, [n, undefined]),
      shaped("c", i.c, [n, hidden]),
      shaped("wx", i.wx, [i.x.shape[1], 4 * hidden!]),
      shaped("wh", i.wh, [hidden, 4 * hidden!]),
      shaped("b", i.b, [4 * hidden!]),
    );
  },
  cases: [
    randomCase("small step (N=2, D=3, H=4)", (rng) => draw(rng, 2, 3, 4), { visibility: "public" }),
    randomCase("random sizes", (rng) => draw(rng, rng.int(1, 6), rng.int(1, 8), rng.int(2, 8)), { points: 3 }),
    randomCase("H = 1", (rng) => draw(rng, 3, 2, 1), { points: 2 }),
    edgeCase("N = 1", (rng) => draw(rng, 1, 5, 3)),
    edgeCase("saturated gates (large inputs)", (rng) => draw(rng, 3, 4, 3, 20), { points: 2 }),
    // Biases of ±300 put every gate block deep into saturation on both sides, deterministically:
    // a sigmoid written as e^z / (1 + e^z) or a tanh as (e^2z − 1) / (e^2z + 1) overflows to NaN.
    edgeCase("pre-activations of ±300 (gates fully saturated)", (rng) => ({
      ...draw(rng, 3, 4, 3),
      b: tf.tensor1d(Array.from({ length: 12 }, (_, j) => (j % 2 === 0 ? 300 : -300))),
    }), { points: 2 }),
  ],
});
