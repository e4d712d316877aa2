import * as tf from "@tensorflow/tfjs";
import { allOf, defineTests, edgeCase, fromFeedback, harness, localText, nonEmpty, randomCase, shaped, type CheckFn } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

/** Public harness code, run next to the submission. It never contains expected values. */
const PREDICT = `async (mod, tf, x, kernel, bias, activation) => {
  const model = tf.sequential({ name: "harness_model" });
  model.add(tf.layers.inputLayer({ inputShape: [kernel.shape[0]] }));
  model.add(new mod.MyDense({ units: kernel.shape[1], activation }));
  model.setWeights([kernel, bias]);
  return model.predict(x);
}`;

const ROUND_TRIP = `async (mod, tf, x, kernel, bias, activation) => {
  const model = tf.sequential({ name: "harness_model" });
  model.add(tf.layers.inputLayer({ inputShape: [kernel.shape[0]] }));
  model.add(new mod.MyDense({ units: kernel.shape[1], activation }));
  model.setWeights([kernel, bias]);
  let artifacts;
  await model.save(tf.io.withSaveHandler(async (a) => { artifacts = a; return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: "JSON" } }; }));
  const loaded = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  return loaded.predict(x);
}`;

const FIT = `async (mod, tf, x, y, kernel, bias) => {
  const model = tf.sequential({ name: "harness_model" });
  model.add(tf.layers.inputLayer({ inputShape: [kernel.shape[0]] }));
  model.add(new mod.MyDense({ units: kernel.shape[1] }));
  model.setWeights([kernel, bias]);
  model.compile({ optimizer: tf.train.sgd(0.1), loss: "meanSquaredError" });
  const history = await model.fit(x, y, { epochs: 15, batchSize: x.shape[0], shuffle: false, verbose: 0 });
  return history.history.loss.map((l) => (typeof l === "number" ? l : l.dataSync()[0]));
}`;

type Activation = "relu" | "linear";
type Inputs =
  | { kind: "predict" | "roundTrip"; x: tf.Tensor; kernel: tf.Tensor; bias: tf.Tensor; activation: Activation }
  | { kind: "fit"; x: tf.Tensor; y: tf.Tensor; kernel: tf.Tensor; bias: tf.Tensor };

function layerCase(rng: Rng, kind: "predict" | "roundTrip", n: number, d: number, units: number, activation: Activation): Inputs {
  return { kind, x: rng.normal([n, d]), kernel: rng.normal([d, units]), bias: rng.normal([units]), activation };
}

function expectedOutput(i: Extract<Inputs, { activation: Activation }>): tf.Tensor {
  const y = reference.denseForward(i.x, i.kernel, i.bias);
  return i.activation === "relu" ? tf.relu(y) : y;
}

/** fit must at least halve the loss on a linear problem it can solve exactly. */
const lossDrops: CheckFn<Inputs> = (ctx) => {
  const out = ctx.outputs[0]!;
  if (out.t !== "array" || out.items.length === 0 || !out.items.every((i) => i.t === "number")) {
    return fromFeedback(false, [localText({ en: "fit did not produce a loss history.", "zh-CN": "fit 没有产生损失记录（loss history）。" })]);
  }
  const losses = out.items.map((i) => (i as { v: number }).v);
  const first = losses[0]!;
  const last = losses[losses.length - 1]!;
  if (!losses.every(Number.isFinite)) {
    return fromFeedback(false, [localText({ en: "fit produced a NaN or infinite loss.", "zh-CN": "fit 产生了 NaN 或无穷大的损失。" })]);
  }
  return last < first * 0.5
    ? fromFeedback(true, [localText({ en: "fit lowered the loss.", "zh-CN": "fit 降低了损失。" })])
    : fromFeedback(false, [
        localText({
          en: "fit did not lower the loss (are your weights trainable, and is call() using them?).",
          "zh-CN": "fit 没有降低损失（你的权重是否可训练？call() 是否用到了它们？）。",
        }),
      ]);
};

export default defineTests<Inputs>({
  run: (i) =>
    i.kind === "fit"
      ? harness(FIT, i.x, i.y, i.kernel, i.bias)
      : harness(i.kind === "predict" ? PREDICT : ROUND_TRIP, i.x, i.kernel, i.bias, i.activation),
  expected: (i) => (i.kind === "fit" ? undefined : expectedOutput(i)),
  domain: (i) =>
    allOf(
      nonEmpty({ x: i.x, kernel: i.kernel, bias: i.bias }),
      shaped("kernel", i.kernel, [i.x.shape[1], undefined]),
      shaped("bias", i.bias, [i.kernel.shape[1]]),
      i.kind === "fit" ? shaped("y", i.y, [i.x.shape[0], i.kernel.shape[1]]) : true,
    ),
  cases: [
    randomCase("predict, linear (D=3, units=2)", (rng) => layerCase(rng, "predict", 4, 3, 2, "linear"), { visibility: "public" }),
    randomCase("predict, relu", (rng) => layerCase(rng, "predict", 5, 4, 3, "relu"), { points: 2 }),
    randomCase("predict, random sizes", (rng) => layerCase(rng, "predict", rng.int(1, 8), rng.int(1, 7), rng.int(1, 6), rng.next() < 0.5 ? "relu" : "linear"), { points: 2 }),
    randomCase("save and load through memory keeps the outputs", (rng) => layerCase(rng, "roundTrip", 3, 4, 2, "relu"), { points: 3 }),
    edgeCase("fit lowers the loss", (rng) => {
      const x = rng.normal([16, 3]);
      const y = tf.add(tf.matMul(x as tf.Tensor2D, tf.tensor2d([[1], [-2], [0.5]])), 0.3);
      return { kind: "fit", x, y, kernel: tf.zeros([3, 1]), bias: tf.zeros([1]) };
    }, { points: 3, check: lossDrops }),
    edgeCase("predict, a single unit", (rng) => layerCase(rng, "predict", 3, 5, 1, "linear")),
  ],
});
