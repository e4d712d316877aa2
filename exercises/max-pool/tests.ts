import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, intIn, nonEmpty, randomCase, shaped, windowFits } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  x: tf.Tensor;
  size: number;
  stride: number;
  /** Present for backward cases. */
  dOut?: tf.Tensor;
}

const outSize = (n: number, k: number, s: number): number => Math.floor((n - k) / s) + 1;

/** Small integers make ties common; `ties` = false uses continuous values. */
function draw(rng: Rng, shape: [number, number, number, number], size: number, stride: number, backward: boolean, ties = false): Inputs {
  const [n, h, w, c] = shape;
  const x = ties ? tf.cast(rng.intTensor(shape, 0, 3), "float32") : rng.normal(shape);
  const i: Inputs = { x, size, stride };
  if (backward) i.dOut = rng.normal([n, outSize(h, size, stride), outSize(w, size, stride), c]);
  return i;
}

/** dx by autodiff through tf.maxPool, whose gradient routes ties to the first maximum (trusted side). */
function autodiff(i: Inputs): tf.Tensor {
  return tf.grad((x: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(x as tf.Tensor4D, i.size, i.stride, "valid"), i.dOut!)))(i.x);
}

export default defineTests<Inputs>({
  run: (i) => (i.dOut === undefined ? call("maxPoolForward", i.x, i.size, i.stride) : call("maxPoolBackward", i.dOut, i.x, i.size, i.stride)),
  expected: (i) => (i.dOut === undefined ? reference.maxPoolForward(i.x, i.size, i.stride) : reference.maxPoolBackward(i.dOut, i.x, i.size, i.stride)),
  domain: (i) => {
    const [n, h, w, c] = i.x.shape;
    const out = (len: number): number => Math.floor((len - i.size) / i.stride) + 1;
    return allOf(
      shaped("x", i.x, [undefined, undefined, undefined, undefined]),
      nonEmpty({ x: i.x }),
      intIn("size", i.size, 1),
      intIn("stride", i.stride, 1),
      windowFits("rows", h!, i.size),
      windowFits("columns", w!, i.size),
      i.dOut === undefined ? true : shaped("dOut", i.dOut, [n, out(h!), out(w!), c]),
    );
  },
  cases: [
    randomCase("forward: 2×2 windows, stride 2", (rng) => draw(rng, [2, 4, 6, 3], 2, 2, false), { visibility: "public" }),
    randomCase("backward: 2×2 windows, stride 2", (rng) => draw(rng, [2, 4, 6, 3], 2, 2, true), { visibility: "public" }),
    randomCase("forward: 3×3 windows, stride 2 (overlapping)", (rng) => draw(rng, [1, 7, 7, 2], 3, 2, false), { points: 2 }),
    randomCase("backward: 3×3 windows, stride 1 (heavily overlapping)", (rng) => draw(rng, [1, 5, 6, 2], 3, 1, true), { points: 3 }),
    randomCase("backward: ties everywhere (values in {0, 1, 2})", (rng) => draw(rng, [2, 6, 6, 2], 2, 2, true, true), { points: 3 }),
    randomCase("backward: ties with overlapping windows", (rng) => draw(rng, [1, 6, 5, 3], 3, 2, true, true), { points: 3 }),
    randomCase("backward agrees with autodiff through tf.maxPool (ties, overlaps)", (rng) => draw(rng, [2, 5, 5, 2], 3, 2, true, true), {
      points: 2,
      expected: autodiff,
    }),
    edgeCase("forward: window covers the whole input", (rng) => draw(rng, [3, 3, 3, 2], 3, 1, false)),
    edgeCase("backward: stride leaves a border (floor)", (rng) => draw(rng, [1, 7, 8, 1], 2, 3, true), { points: 2 }),
    // A running maximum started at 0 instead of the window's first value only shows on windows
    // with no positive value: here every value is negative.
    edgeCase("forward: every value negative", (rng) => ({ x: rng.uniform([2, 5, 6, 2], -3, -0.1), size: 2, stride: 2 }), { points: 2 }),
    edgeCase("backward: every value negative (overlapping windows)", (rng) => ({
      x: rng.uniform([1, 5, 7, 2], -3, -0.1),
      size: 3,
      stride: 2,
      dOut: rng.normal([1, outSize(5, 3, 2), outSize(7, 3, 2), 2]),
    }), { points: 2 }),
    edgeCase("backward: all-equal window gives everything to its top-left element", () => ({
      x: tf.ones([1, 4, 4, 1]),
      size: 2,
      stride: 2,
      dOut: tf.tensor4d([1, 2, 3, 4], [1, 2, 2, 1]),
    }), { points: 2 }),
  ],
});
