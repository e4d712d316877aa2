import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, fb, feedbackOf, fromFeedback, indicesIn, localText, nonEmpty, randomCase, requires, shaped, valuesIn, type CheckFn } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  logits: tf.Tensor;
  labels: tf.Tensor;
}

const draw = (rng: Rng, n: number, c: number, scale = 2): Inputs => ({ logits: rng.normal([n, c], 0, scale), labels: rng.intTensor([n], 0, c) });

/** In the ±1e4 cases COURSE.md compares the loss with atol 1e-3; dLogits keeps the default. */
const hugeLogits: CheckFn<Inputs> = (ctx) => {
  const out = ctx.outputs[0]!;
  const exp = ctx.expected!;
  if (out.t !== "object" || exp.t !== "object") return ctx.defaultCheck();
  const loss = out.entries["loss"];
  const dLogits = out.entries["dLogits"];
  if (loss === undefined) return fromFeedback(false, [fb("wire.missing", {}, "loss")]);
  if (dLogits === undefined) return fromFeedback(false, [fb("wire.missing", {}, "dLogits")]);
  const l = ctx.compare(loss, exp.entries["loss"]!, { tolerance: { atol: 1e-3 }, label: "loss" });
  const d = ctx.compare(dLogits, exp.entries["dLogits"]!, { label: "dLogits" });
  return l.pass && d.pass
    ? fromFeedback(true, [localText({ en: "loss and dLogits match.", "zh-CN": "loss 和 dLogits 都一致。" })])
    : fromFeedback(false, [l, d].filter((r) => !r.pass).flatMap(feedbackOf));
};

/** loss and dLogits by autodiff of mean(-log softmax[label]) (trusted side). */
function autodiff(i: Inputs): { loss: number; dLogits: tf.Tensor } {
  const [n, c] = i.logits.shape as [number, number];
  const onehot = tf.oneHot(i.labels as tf.Tensor1D, c);
  const f = (l: tf.Tensor): tf.Scalar => tf.div(tf.neg(tf.sum(tf.mul(onehot, tf.logSoftmax(l)))), n) as tf.Scalar;
  const { value, grad } = tf.valueAndGrad(f)(i.logits);
  return { loss: value.dataSync()[0]!, dLogits: grad };
}

export default defineTests<Inputs>({
  run: (i) => call("softmaxCrossEntropy", i.logits, i.labels),
  expected: (i) => reference.softmaxCrossEntropy(i.logits, i.labels),
  domain: (i) => allOf(shaped("logits", i.logits, [undefined, undefined]), nonEmpty({ logits: i.logits }), requires(i.logits.shape[1]! >= 2, "C >= 2 classes"), shaped("labels", i.labels, [i.logits.shape[0]]), requires(i.labels.dtype === "int32", "labels are int32"), indicesIn("labels", i.labels, 0, i.logits.shape[1]!), valuesIn("logits", i.logits, -1e4, 1e4, true)),
  cases: [
    randomCase("small batch (N=4, C=3)", (rng) => draw(rng, 4, 3), { visibility: "public" }),
    randomCase("random sizes", (rng) => draw(rng, rng.int(2, 12), rng.int(2, 10)), { points: 2 }),
    randomCase("many classes (N=6, C=50)", (rng) => draw(rng, 6, 50, 4), { points: 2 }),
    randomCase("agrees with autodiff", (rng) => draw(rng, 5, 4), { points: 2, expected: autodiff }),
    edgeCase("N = 1", (rng) => draw(rng, 1, 5)),
    edgeCase("two classes (C = 2)", (rng) => draw(rng, 7, 2)),
    edgeCase("logits of ±1e4, right and wrong labels", () => ({
      logits: tf.tensor2d([[1e4, -1e4, 0], [1e4, -1e4, 0], [-1e4, -1e4, -1e4], [0, 1e4, 1e4]]),
      labels: tf.tensor1d([0, 1, 2, 2], "int32"),
    }), { points: 3, check: hugeLogits }),
    edgeCase("all logits equal (loss = log C)", () => ({ logits: tf.fill([3, 4], 2.5), labels: tf.tensor1d([0, 3, 1], "int32") })),
  ],
});
