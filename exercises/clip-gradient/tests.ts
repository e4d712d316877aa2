import * as tf from "@tensorflow/tfjs";
import { allOf, defineTests, edgeCase, harness, nonEmpty, randomCase, requires } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

/**
 * Differentiable compositions around clipGradient, as JS text `(clipGradient, tf, t, clip, w) => scalar`.
 * The same text runs in the sandbox (with the student's clipGradient) and here (with the reference).
 */
const COMPOSITIONS = {
  weighted: "(cg, tf, t, clip, w) => tf.sum(tf.mul(cg(t, clip), w))",
  squared: "(cg, tf, t, clip, w) => tf.sum(tf.square(tf.mul(cg(tf.mul(t, 3), clip), w)))",
  inside: "(cg, tf, t, clip, w) => tf.sum(tf.mul(tf.exp(cg(t, clip)), w))",
} as const;
type Comp = keyof typeof COMPOSITIONS;

const HARNESS = (comp: Comp): string => `async (mod, tf, x, clip, w) => {
  const f = ${COMPOSITIONS[comp]};
  const value = mod.clipGradient(x, clip);
  const grad = tf.grad((t) => f(mod.clipGradient, tf, t, clip, w))(x);
  return { value, grad };
}`;

interface Inputs {
  comp: Comp;
  x: tf.Tensor;
  clip: number;
  w: tf.Tensor;
}

function expected(i: Inputs): { value: tf.Tensor; grad: tf.Tensor } {
  const f = new Function("return " + COMPOSITIONS[i.comp])() as (cg: typeof reference.clipGradient, t: typeof tf, x: tf.Tensor, c: number, w: tf.Tensor) => tf.Scalar;
  return { value: reference.clipGradient(i.x, i.clip), grad: tf.grad((t: tf.Tensor) => f(reference.clipGradient, tf, t, i.clip, i.w))(i.x) };
}

const draw = (rng: Rng, comp: Comp, shape: number[], clip: number, wScale = 3): Inputs => ({ comp, x: rng.normal(shape), clip, w: rng.normal(shape, 0, wScale) });

export default defineTests<Inputs>({
  run: (i) => harness(HARNESS(i.comp), i.x, i.clip, i.w),
  expected,
  domain: (i) => allOf(nonEmpty({ x: i.x, w: i.w }), requires(i.clip > 0 && Number.isFinite(i.clip), `clip = ${i.clip} must be positive`)),
  cases: [
    randomCase("weighted sum, clip 1", (rng) => draw(rng, "weighted", [6], 1), { visibility: "public" }),
    randomCase("weighted sum, random clip and shape", (rng) => draw(rng, "weighted", [rng.int(1, 5), rng.int(1, 5)], 0.1 + rng.next() * 2), { points: 2 }),
    randomCase("inside a square (chain rule both sides)", (rng) => draw(rng, "squared", [3, 3], 0.5), { points: 3 }),
    randomCase("under an exponential", (rng) => draw(rng, "inside", [8], 0.75), { points: 2 }),
    edgeCase("gradients already inside the range pass unchanged", (rng) => draw(rng, "weighted", [5], 100, 1)),
    edgeCase("a tiny clip (0.01)", (rng) => draw(rng, "weighted", [2, 4], 0.01), { points: 2 }),
  ],
});
