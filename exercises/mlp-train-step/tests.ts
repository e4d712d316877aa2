import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, randomCase, requires, shaped } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  params: { w1: tf.Tensor; b1: tf.Tensor; w2: tf.Tensor; b2: tf.Tensor };
  x: tf.Tensor;
  y: tf.Tensor;
  lr: number;
}

function draw(rng: Rng, n: number, d: number, h: number, k: number, lr: number): Inputs {
  return {
    params: { w1: rng.normal([d, h], 0, 1), b1: rng.normal([h], 0, 0.5), w2: rng.normal([h, k], 0, 1), b2: rng.normal([k], 0, 0.5) },
    x: rng.normal([n, d]),
    y: rng.uniform([n, k]),
    lr,
  };
}

/** One SGD step with gradients from autodiff of the forward pass (trusted side). */
function autodiff(i: Inputs): { params: Inputs["params"]; loss: number } {
  const { w1, b1, w2, b2 } = i.params;
  const f = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor, d: tf.Tensor): tf.Scalar => {
    const h = tf.sigmoid(tf.add(tf.matMul(i.x as tf.Tensor2D, a as tf.Tensor2D), b));
    const out = tf.sigmoid(tf.add(tf.matMul(h, c as tf.Tensor2D), d));
    return tf.mean(tf.square(tf.sub(out, i.y)));
  };
  const { value, grads } = tf.valueAndGrads(f)([w1, b1, w2, b2]);
  const [g1, gb1, g2, gb2] = grads as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];
  const step = (p: tf.Tensor, g: tf.Tensor): tf.Tensor => tf.sub(p, tf.mul(g, i.lr));
  return { params: { w1: step(w1, g1), b1: step(b1, gb1), w2: step(w2, g2), b2: step(b2, gb2) }, loss: value.dataSync()[0]! };
}

export default defineTests<Inputs>({
  run: (i) => call("mlpTrainStep", i.params, i.x, i.y, i.lr),
  expected: (i) => reference.mlpTrainStep(i.params, i.x, i.y, i.lr),
  domain: (i) => {
    const { w1, b1, w2, b2 } = i.params;
    return allOf(
      nonEmpty({ x: i.x, w1, w2 }),
      shaped("w1", w1, [i.x.shape[1], undefined]),
      shaped("b1", b1, [w1.shape[1]]),
      shaped("w2", w2, [w1.shape[1], undefined]),
      shaped("b2", b2, [w2.shape[1]]),
      shaped("y", i.y, [i.x.shape[0], w2.shape[1]]),
      requires(i.lr >= 0.1, `lr = ${i.lr}: the tests use lr >= 0.1`),
    );
  },
  cases: [
    randomCase("small network (N=4, D=3, H=5, K=2), lr 0.5", (rng) => draw(rng, 4, 3, 5, 2, 0.5), { visibility: "public" }),
    randomCase("random sizes, lr 1", (rng) => draw(rng, rng.int(3, 10), rng.int(2, 7), rng.int(2, 9), rng.int(2, 5), 1), { points: 3 }),
    randomCase("wider hidden layer (H=32), lr 0.1", (rng) => draw(rng, 8, 6, 32, 3, 0.1), { points: 2 }),
    randomCase("agrees with autodiff of the forward pass", (rng) => draw(rng, 6, 4, 5, 3, 0.5), { points: 2, expected: autodiff }),
    edgeCase("N = 1, K = 1", (rng) => draw(rng, 1, 4, 3, 1, 0.5)),
    edgeCase("large learning rate (lr 5)", (rng) => draw(rng, 5, 3, 4, 2, 5), { points: 2 }),
  ],
});
