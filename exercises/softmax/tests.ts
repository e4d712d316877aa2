import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, finite, nonEmpty, randomCase, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  logits: tf.Tensor;
}

/**
 * Rows that sit as a whole near ±1e4 (several comparable logits there): float32 numbers are 1e-3
 * apart at that magnitude, so a correct but differently ordered formula (e.g. exp(z - (max + log Σ)))
 * legitimately differs by a few 1e-4. The statement announces this atol.
 */
const NEAR_1E4 = { atol: 1e-3 };

const normal = (rng: Rng, n: number, c: number, scale: number): Inputs => ({ logits: rng.normal([n, c], 0, scale) });

export default defineTests<Inputs>({
  run: (i) => call("softmax", i.logits),
  expected: (i) => reference.softmax(i.logits),
  domain: (i) => allOf(shaped("logits", i.logits, [undefined, undefined]), nonEmpty({ logits: i.logits }), finite("logits", i.logits)),
  cases: [
    randomCase("small batch (N=3, C=5)", (rng) => normal(rng, 3, 5, 2), { visibility: "public" }),
    edgeCase("logits of ±1e4 (public)", () => ({ logits: tf.tensor2d([[1e4, 0, -1e4], [-1e4, -1e4, -1e4]]) }), { visibility: "public" }),
    randomCase("random sizes", (rng) => normal(rng, rng.int(2, 9), rng.int(2, 13), 3), { points: 2 }),
    randomCase("more classes than examples (N=2, C=40)", (rng) => normal(rng, 2, 40, 4), { points: 2 }),
    randomCase("rows at very different offsets (±1e4 per row)", (rng) => {
      const n = 4;
      const base = rng.normal([n, 6], 0, 2);
      const offsets = tf.tensor2d([[1e4], [-1e4], [0], [5e3]]);
      return { logits: tf.add(base, offsets) };
    }, { points: 2, tolerance: NEAR_1E4 }),
    edgeCase("logits of ±1e4 mixed in one row", (rng) => {
      const z = rng.normal([3, 5], 0, 1).arraySync() as number[][];
      z[0]![1] = 1e4;
      z[1]![3] = -1e4;
      z[2] = [1e4, 1e4, -1e4, 0, 1e4];
      return { logits: tf.tensor2d(z) };
    }, { points: 2 }),
    edgeCase("all logits equal (uniform rows, ties)", () => ({ logits: tf.fill([3, 4], 7.5) })),
    edgeCase("a single class (C = 1)", (rng) => normal(rng, 4, 1, 5)),
    edgeCase("a single row (N = 1)", (rng) => normal(rng, 1, 7, 3)),
    edgeCase("very negative rows (-1e4 everywhere but one)", () => ({ logits: tf.tensor2d([[-1e4, -1e4 + 1, -1e4 - 2], [-3e3, -3e3, -3e3]]) }), { tolerance: NEAR_1E4 }),
  ],
});
