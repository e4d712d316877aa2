import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, randomCase, valuesIn, type CaseDef } from "@course/exercise-kit";
import { reference } from "@course/model-kit";

type Fn = "relu" | "sigmoid" | "tanh" | "reluGrad" | "sigmoidGrad" | "tanhGrad";

interface Inputs {
  fn: Fn;
  x: tf.Tensor;
}

const FNS: Fn[] = ["relu", "sigmoid", "tanh", "reluGrad", "sigmoidGrad", "tanhGrad"];
const EDGE = [-1e4, -100, -20, -1, -1e-3, 0, 1e-3, 1, 20, 100, 1e4];

function casesFor(fn: Fn): CaseDef<Inputs>[] {
  return [
    randomCase(`${fn}: random matrix`, (rng) => ({ fn, x: rng.normal([4, 5], 0, 3) }), { visibility: fn.endsWith("Grad") ? "hidden" : "public" }),
    randomCase(`${fn}: random 3-D tensor`, (rng) => ({ fn, x: rng.normal([2, 3, 4], 0, 6) })),
    edgeCase(`${fn}: zero, tiny and huge inputs (|x| up to 1e4)`, () => ({ fn, x: tf.tensor1d(EDGE) }), { points: 2 }),
  ];
}

export default defineTests<Inputs>({
  run: (i) => call(i.fn, i.x),
  expected: (i) => reference[i.fn](i.x),
  domain: (i) => allOf(nonEmpty({ x: i.x }), valuesIn("x", i.x, -1e4, 1e4, true)),
  cases: FNS.flatMap(casesFor),
});
