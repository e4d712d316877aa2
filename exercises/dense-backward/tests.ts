import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, randomCase, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  dOut: tf.Tensor;
  x: tf.Tensor;
  w: tf.Tensor;
}

function draw(rng: Rng, n: number, d: number, m: number): Inputs {
  return { dOut: rng.normal([n, m]), x: rng.normal([n, d]), w: rng.normal([d, m], 0, 1 / Math.sqrt(d)) };
}

/** N, D, M pairwise different so that transposes and wrong reductions cannot hide. */
function distinctSizes(rng: Rng): [number, number, number] {
  const n = rng.int(3, 9);
  const d = n + rng.int(1, 6);
  const m = d + rng.int(1, 6);
  const sizes = rng.shuffle([n, d, m]);
  return [sizes[0]!, sizes[1]!, sizes[2]!];
}

/** The gradients of sum(dOut ⊙ (x·w + b)) by autodiff of the reference forward pass. */
function autodiff(i: Inputs): { dx: tf.Tensor; dw: tf.Tensor; db: tf.Tensor } {
  const b = tf.zeros([i.w.shape[1]!]);
  const f = (x: tf.Tensor, w: tf.Tensor, bias: tf.Tensor): tf.Scalar => tf.sum(tf.mul(reference.denseForward(x, w, bias), i.dOut));
  const [dx, dw, db] = tf.grads(f)([i.x, i.w, b]);
  return { dx: dx!, dw: dw!, db: db! };
}

export default defineTests<Inputs>({
  run: (i) => call("denseBackward", i.dOut, i.x, i.w),
  expected: (i) => reference.denseBackward(i.dOut, i.x, i.w),
  domain: (i) => allOf(nonEmpty({ dOut: i.dOut, x: i.x, w: i.w }), shaped("w", i.w, [i.x.shape[1], undefined]), shaped("dOut", i.dOut, [i.x.shape[0], i.w.shape[1]])),
  cases: [
    randomCase("small batch (N=4, D=3, M=2)", (rng) => draw(rng, 4, 3, 2), { visibility: "public" }),
    randomCase("random sizes, N ≠ D ≠ M", (rng) => draw(rng, ...distinctSizes(rng)), { points: 3 }),
    randomCase("agrees with autodiff of the forward pass", (rng) => draw(rng, ...distinctSizes(rng)), { points: 2, expected: autodiff }),
    randomCase("larger layer (N=32, D=20, M=12)", (rng) => draw(rng, 32, 20, 12), { points: 2 }),
    edgeCase("N = 1", (rng) => draw(rng, 1, 5, 3)),
    edgeCase("square weights (D = M)", (rng) => draw(rng, 6, 4, 4)),
    edgeCase("dOut of zeros gives zero gradients", (rng) => ({ ...draw(rng, 3, 4, 2), dOut: tf.zeros([3, 2]) })),
  ],
});
