import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, randomCase, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  pred: tf.Tensor;
  target: tf.Tensor;
}

const draw = (rng: Rng, shape: number[], scale = 1): Inputs => ({ pred: rng.normal(shape, 0, scale), target: rng.normal(shape, 0, scale) });

/** dPred by autodiff of the mean squared error (trusted side). */
function autodiff(i: Inputs): { loss: number; dPred: tf.Tensor } {
  const { value, grad } = tf.valueAndGrad((p: tf.Tensor) => tf.mean(tf.square(tf.sub(p, i.target))) as tf.Scalar)(i.pred);
  return { loss: value.dataSync()[0]!, dPred: grad };
}

export default defineTests<Inputs>({
  run: (i) => call("mseLoss", i.pred, i.target),
  expected: (i) => reference.mseLoss(i.pred, i.target),
  domain: (i) => allOf(nonEmpty({ pred: i.pred }), shaped("target", i.target, i.pred.shape)),
  cases: [
    randomCase("matrix (4×3)", (rng) => draw(rng, [4, 3]), { visibility: "public" }),
    randomCase("random matrix size", (rng) => draw(rng, [rng.int(2, 10), rng.int(2, 10)]), { points: 2 }),
    randomCase("vector", (rng) => draw(rng, [rng.int(3, 30)])),
    randomCase("3-D tensor (mean over all elements)", (rng) => draw(rng, [2, 3, 5]), { points: 2 }),
    randomCase("agrees with autodiff", (rng) => draw(rng, [3, 4, 2]), { points: 2, expected: autodiff }),
    edgeCase("a single element", (rng) => draw(rng, [1, 1])),
    edgeCase("perfect predictions give zero loss and gradient", (rng) => {
      const p = rng.normal([3, 4]);
      return { pred: p, target: p.clone() };
    }),
    edgeCase("large values (~1e3)", (rng) => draw(rng, [3, 3], 1e3)),
    edgeCase("scalar tensors", () => ({ pred: tf.scalar(1.5), target: tf.scalar(-0.25) })),
  ],
});
