import type * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, randomCase, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  step: boolean;
  x: tf.Tensor;
  h: tf.Tensor;
  wx: tf.Tensor;
  wh: tf.Tensor;
  b: tf.Tensor;
}

function draw(rng: Rng, step: boolean, n: number, t: number, d: number, hidden: number): Inputs {
  return {
    step,
    x: step ? rng.normal([n, d]) : rng.normal([n, t, d]),
    h: rng.normal([n, hidden], 0, 0.5),
    wx: rng.normal([d, hidden], 0, 1 / Math.sqrt(d)),
    wh: rng.normal([hidden, hidden], 0, 1 / Math.sqrt(hidden)),
    b: rng.normal([hidden], 0, 0.3),
  };
}

export default defineTests<Inputs>({
  run: (i) => call(i.step ? "rnnStep" : "rnnForward", i.x, i.h, i.wx, i.wh, i.b),
  expected: (i) => (i.step ? reference.rnnStep(i.x, i.h, i.wx, i.wh, i.b) : reference.rnnForward(i.x, i.h, i.wx, i.wh, i.b)),
  domain: (i) => {
    const [n, hidden] = i.h.shape;
    const d = i.x.shape[i.x.rank - 1];
    return allOf(
      nonEmpty({ x: i.x, h: i.h }),
      i.step ? shaped("x", i.x, [n, undefined]) : shaped("x", i.x, [n, undefined, undefined]),
      shaped("wx", i.wx, [d, hidden]),
      shaped("wh", i.wh, [hidden, hidden]),
      shaped("b", i.b, [hidden]),
    );
  },
  cases: [
    randomCase("rnnStep (N=3, D=4, H=5)", (rng) => draw(rng, true, 3, 1, 4, 5), { visibility: "public" }),
    randomCase("rnnForward (N=2, T=4, D=3, H=5)", (rng) => draw(rng, false, 2, 4, 3, 5), { visibility: "public" }),
    randomCase("rnnStep, random sizes", (rng) => draw(rng, true, rng.int(1, 6), 1, rng.int(1, 8), rng.int(2, 8)), { points: 2 }),
    randomCase("rnnForward, random sizes (N ≠ T)", (rng) => {
      const n = rng.int(2, 5);
      return draw(rng, false, n, n + rng.int(1, 5), rng.int(1, 6), rng.int(2, 7));
    }, { points: 3 }),
    randomCase("rnnForward, long sequence (T = 20)", (rng) => draw(rng, false, 2, 20, 3, 4), { points: 2 }),
    edgeCase("rnnForward with T = 1", (rng) => draw(rng, false, 3, 1, 2, 4)),
    edgeCase("rnnForward with N = 1", (rng) => draw(rng, false, 1, 5, 2, 3)),
  ],
});
