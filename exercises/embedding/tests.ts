import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, indicesIn, intIn, nonEmpty, randomCase, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

type Inputs =
  | { fn: "forward"; ids: tf.Tensor; table: tf.Tensor }
  | { fn: "backward"; dOut: tf.Tensor; ids: tf.Tensor; vocabSize: number };

const fwd = (rng: Rng, n: number, t: number, v: number, d: number): Inputs => ({ fn: "forward", ids: rng.intTensor([n, t], 0, v), table: rng.normal([v, d]) });
const bwd = (rng: Rng, n: number, t: number, v: number, d: number): Inputs => ({ fn: "backward", dOut: rng.normal([n, t, d]), ids: rng.intTensor([n, t], 0, v), vocabSize: v });

/** The table gradient by autodiff of tf.gather (trusted side). */
function autodiff(i: Extract<Inputs, { fn: "backward" }>): tf.Tensor {
  const d = i.dOut.shape[2]!;
  return tf.grad((table: tf.Tensor) => tf.sum(tf.mul(tf.gather(table, i.ids), i.dOut)))(tf.zeros([i.vocabSize, d]));
}

export default defineTests<Inputs>({
  run: (i) => (i.fn === "forward" ? call("embeddingForward", i.ids, i.table) : call("embeddingBackward", i.dOut, i.ids, i.vocabSize)),
  expected: (i) => (i.fn === "forward" ? reference.embeddingForward(i.ids, i.table) : reference.embeddingBackward(i.dOut, i.ids, i.vocabSize)),
  domain: (i) =>
    i.fn === "forward"
      ? allOf(nonEmpty({ ids: i.ids, table: i.table }), shaped("table", i.table, [undefined, undefined]), shaped("ids", i.ids, [undefined, undefined]), indicesIn("ids", i.ids, 0, i.table.shape[0]!))
      : allOf(
          nonEmpty({ dOut: i.dOut, ids: i.ids }),
          intIn("vocabSize", i.vocabSize, 1),
          shaped("ids", i.ids, [undefined, undefined]),
          shaped("dOut", i.dOut, [i.ids.shape[0], i.ids.shape[1], undefined]),
          indicesIn("ids", i.ids, 0, i.vocabSize),
        ),
  cases: [
    randomCase("forward (N=2, T=3, V=5, D=4)", (rng) => fwd(rng, 2, 3, 5, 4), { visibility: "public" }),
    randomCase("backward (N=2, T=3, V=5, D=4)", (rng) => bwd(rng, 2, 3, 5, 4), { visibility: "public" }),
    randomCase("forward, random sizes", (rng) => fwd(rng, rng.int(1, 5), rng.int(1, 8), rng.int(2, 30), rng.int(1, 9)), { points: 2 }),
    randomCase("backward, many repeats (V = 3, 24 positions)", (rng) => bwd(rng, 4, 6, 3, 5), { points: 3 }),
    randomCase("backward, large vocabulary (most rows unused)", (rng) => bwd(rng, 2, 4, 50, 3), { points: 2 }),
    randomCase("backward agrees with autodiff of tf.gather", (rng) => bwd(rng, 3, 5, 6, 4), {
      points: 2,
      expected: (i) => (i.fn === "backward" ? autodiff(i) : undefined),
    }),
    edgeCase("backward, every position the same id", (rng) => ({ fn: "backward", dOut: rng.normal([2, 3, 2]), ids: tf.fill([2, 3], 1, "int32"), vocabSize: 4 }), { points: 2 }),
    edgeCase("forward, a single id (N = T = 1)", (rng) => fwd(rng, 1, 1, 6, 3)),
    edgeCase("backward, the last id only (vocabSize - 1)", (rng) => ({ fn: "backward", dOut: rng.normal([1, 2, 3]), ids: tf.tensor2d([[4, 4]], [1, 2], "int32"), vocabSize: 5 })),
  ],
});
