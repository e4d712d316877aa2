import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, harness, nonEmpty, randomCase, requires, shaped, type Call } from "@course/exercise-kit";
import { reference } from "@course/model-kit";

/**
 * Scalar functions as JS source `(t) => number`, with `tf` in scope. The same text is evaluated in
 * the student's sandbox (through a harness call) and here, on the trusted side, for the reference.
 */
const FUNCTIONS = {
  "sum of squares": "(t) => tf.sum(tf.square(t)).dataSync()[0]",
  "sum of sin(x)·x": "(t) => tf.sum(tf.mul(tf.sin(t), t)).dataSync()[0]",
  "log-sum-exp": "(t) => { const m = tf.max(t); return tf.add(m, tf.log(tf.sum(tf.exp(tf.sub(t, m))))).dataSync()[0]; }",
  "weighted cubic": "(t) => { const w = tf.range(1, t.size + 1).reshape(t.shape).div(t.size); return tf.sum(tf.mul(w, tf.pow(t, 3))).dataSync()[0]; }",
  // Couples every element: a perturbation left in place shifts every later derivative by 2h.
  "square of the sum": "(t) => tf.square(tf.sum(t)).dataSync()[0]",
} as const;
type FnName = keyof typeof FUNCTIONS;

const hostFn = (name: FnName): ((t: tf.Tensor) => number) => new Function("tf", `return ${FUNCTIONS[name]};`)(tf) as (t: tf.Tensor) => number;
const gradHarness = (name: FnName, x: tf.Tensor, h: number): Call =>
  harness(`async (mod, tf, x, h) => mod.numericalGradient(${FUNCTIONS[name]}, x, h)`, x, h);
/** Runs numericalGradient and hands back x itself: the statement says x must not be modified. */
const untouchedHarness = (name: FnName, x: tf.Tensor, h: number): Call =>
  harness(`async (mod, tf, x, h) => { await mod.numericalGradient(${FUNCTIONS[name]}, x, h); return x; }`, x, h);

type Inputs =
  | { kind: "grad"; fn: FnName; x: tf.Tensor; h: number }
  | { kind: "untouched"; fn: FnName; x: tf.Tensor; h: number }
  | { kind: "relErr"; a: tf.Tensor; b: tf.Tensor };

export default defineTests<Inputs>({
  run: (i) => (i.kind === "grad" ? gradHarness(i.fn, i.x, i.h) : i.kind === "untouched" ? untouchedHarness(i.fn, i.x, i.h) : call("relativeError", i.a, i.b)),
  expected: (i) => (i.kind === "grad" ? reference.numericalGradient(hostFn(i.fn), i.x, i.h) : i.kind === "untouched" ? i.x : reference.relativeError(i.a, i.b)),
  domain: (i) => (i.kind !== "relErr" ? allOf(nonEmpty({ x: i.x }), requires(i.h > 0, `h = ${i.h} must be positive`)) : allOf(nonEmpty({ a: i.a }), shaped("b", i.b, i.a.shape))),
  cases: [
    randomCase("gradient of a sum of squares (3×2)", (rng) => ({ kind: "grad", fn: "sum of squares", x: rng.normal([3, 2]), h: 1e-2 }), { visibility: "public" }),
    randomCase("gradient of sum(sin(x)·x), vector", (rng) => ({ kind: "grad", fn: "sum of sin(x)·x", x: rng.normal([7]), h: 1e-2 }), { points: 2 }),
    randomCase("gradient of log-sum-exp, matrix", (rng) => ({ kind: "grad", fn: "log-sum-exp", x: rng.normal([2, 4], 0, 2), h: 1e-2 }), { points: 2 }),
    randomCase("gradient of a weighted cubic, 3-D", (rng) => ({ kind: "grad", fn: "weighted cubic", x: rng.normal([2, 2, 3]), h: 1e-2 }), { points: 2 }),
    randomCase("gradient of (sum x)², every element coupled", (rng) => ({ kind: "grad", fn: "square of the sum", x: rng.normal([2, 3]), h: 1e-2 }), { points: 2 }),
    // A gradient written into x's own buffer (dataSync() is not a copy) is right but destroys x.
    randomCase("x is left unchanged", (rng) => ({ kind: "untouched", fn: "sum of sin(x)·x", x: rng.normal([2, 3]), h: 1e-2 })),
    edgeCase("gradient for a single element", () => ({ kind: "grad", fn: "weighted cubic", x: tf.tensor1d([1.5]), h: 1e-2 })),
    randomCase("relative error of two random tensors", (rng) => ({ kind: "relErr", a: rng.normal([3, 4]), b: rng.normal([3, 4]) }), { visibility: "public" }),
    randomCase("relative error of nearly equal tensors", (rng) => {
      const a = rng.normal([10]);
      return { kind: "relErr", a, b: tf.add(a, rng.normal([10], 0, 1e-3)) };
    }, { points: 2 }),
    edgeCase("relative error where both are zero somewhere", () => ({ kind: "relErr", a: tf.tensor1d([0, 1, 0, 2]), b: tf.tensor1d([0, 1.5, 0, 2]) }), { points: 2 }),
    edgeCase("relative error of identical tensors is 0", () => ({ kind: "relErr", a: tf.tensor2d([[1, -2], [3, 0]]), b: tf.tensor2d([[1, -2], [3, 0]]) })),
    edgeCase("relative error with one large outlier", () => ({ kind: "relErr", a: tf.tensor1d([1, 1, 1, 5]), b: tf.tensor1d([1, 1, 1, -5]) })),
  ],
});
