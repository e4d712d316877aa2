// The demos a lesson may embed, by name, with the zod schema of their parameters. A lesson embeds
// one with a fence whose info string is `demo <name>` and whose body is an optional JSON object of
// parameters:
//
//   ```demo neuron
//   {"activation": "tanh"}
//   ```
//
// An unknown name or parameters the schema rejects make the lesson fail to load (and the content
// tests fail), so a typo never reaches a reader. Browser-safe: no Node imports.
import { z } from "zod";
import type { ExerciseId } from "./catalog.ts";

/** An exercise whose latest submission a demo can run instead of the reference, and the exports it calls. */
export interface OwnCodeSpec {
  readonly exercise: ExerciseId;
  readonly exports: readonly string[];
}

export interface DemoSpec<S extends z.ZodType = z.ZodType> {
  readonly params: S;
  /** Building blocks the reader may swap for their own submission (each one switch in the page). */
  readonly ownCode: readonly OwnCodeSpec[];
}

function demo<S extends z.ZodType>(params: S, ownCode: readonly OwnCodeSpec[] = []): DemoSpec<S> {
  return { params, ownCode };
}

const activation = z.enum(["relu", "sigmoid", "tanh"]);

/**
 * The registry. Adding a demo: an entry here (name → params schema, own-code building blocks), its
 * computation in apps/web/src/workers/demos/<name>.ts and its view in
 * apps/web/src/components/lessons/demos/<name>.tsx (see apps/web/src/components/lessons/README.md).
 */
export const demoSpecs = {
  /** Lesson 1: one neuron y = f(w·x + b) with sliders for w and b and a choice of activation. */
  neuron: demo(
    z.object({ activation: activation.default("sigmoid"), w: z.number().min(-4).max(4).default(1), b: z.number().min(-4).max(4).default(0) }).strict(),
    [{ exercise: "activations", exports: ["relu", "sigmoid", "tanh", "reluGrad", "sigmoidGrad", "tanhGrad"] }],
  ),
  /** Lesson 2: gradient descent on the (w, b) loss surface of a small linear regression. */
  "gradient-descent": demo(
    z.object({ lr: z.number().min(0.001).max(2).default(0.1), steps: z.number().int().min(5).max(200).default(40) }).strict(),
    [{ exercise: "mse-loss", exports: ["mseLoss"] }],
  ),
  /** Lesson 3: a 2-4-1 sigmoid MLP learning XOR, with its loss curve and decision boundary. */
  "xor-mlp": demo(
    z.object({ hidden: z.number().int().min(2).max(8).default(4), lr: z.number().min(0.1).max(10).default(2), epochs: z.number().int().min(50).max(3000).default(1500) }).strict(),
    [{ exercise: "mlp-train-step", exports: ["mlpTrainStep"] }],
  ),
  /** Lesson 4: SGD, momentum and Adam racing down a ravine-shaped loss. */
  "optimizer-race": demo(
    z
      .object({
        lr: z.number().min(0.001).max(0.5).default(0.05),
        adamLr: z.number().min(0.01).max(1).default(0.3),
        steps: z.number().int().min(10).max(300).default(150),
      })
      .strict(),
    [
      { exercise: "sgd-momentum", exports: ["sgdMomentumStep"] },
      { exercise: "adam", exports: ["adamStep"] },
    ],
  ),
  /** Lesson 6: an LSTM unrolled over a short sequence; hidden state and gates as heatmaps. */
  "lstm-unrolled": demo(
    z.object({ sequence: z.string().regex(/^[01]{3,16}$/).default("0110100111"), hidden: z.number().int().min(2).max(8).default(4) }).strict(),
    [{ exercise: "lstm-step", exports: ["lstmStep"] }],
  ),
  /** Lesson 7: scaled dot-product attention over a sentence, with temperature and causal mask. */
  "attention-heatmap": demo(
    z.object({ sentence: z.string().min(3).max(80).default("the cat sat on the mat"), temperature: z.number().min(0.1).max(5).default(1), causal: z.boolean().default(false) }).strict(),
    [{ exercise: "scaled-dot-product-attention", exports: ["scaledDotProductAttention"] }],
  ),
  /** Lesson 8: sinusoidal positional encodings and the similarity of positions they induce. */
  "positional-encoding": demo(
    z.object({ seqLen: z.number().int().min(4).max(64).default(32), dModel: z.number().int().min(4).max(64).multipleOf(2).default(32) }).strict(),
    [{ exercise: "positional-encoding", exports: ["positionalEncoding"] }],
  ),
  /**
   * Lesson 8: a tiny Transformer (embedding + sinusoidal positions, one pre-norm encoder block)
   * learning to reverse sequences of letters, with its loss, accuracy and per-head attention.
   */
  "transformer-reverse": demo(
    z
      .object({
        seqLen: z.number().int().min(3).max(8).default(6),
        heads: z.union([z.literal(1), z.literal(2), z.literal(4)]).default(2),
        steps: z.number().int().min(20).max(1000).default(200),
      })
      .strict(),
    [{ exercise: "multi-head-attention", exports: ["multiHeadAttention"] }],
  ),
  /** Lesson 5: the CNN on real MNIST digits: draw or pick a digit, see its feature maps and prediction, train it live. */
  "mnist-cnn": demo(
    z
      .object({
        epochs: z.number().int().min(1).max(8).default(4),
        trainLimit: z.number().int().min(500).max(9000).default(9000),
        /** Which held-out digit is shown first. */
        sample: z.number().int().min(0).max(999).default(0),
      })
      .strict(),
    [
      { exercise: "conv2d-forward", exports: ["conv2dForward"] },
      { exercise: "max-pool", exports: ["maxPoolForward"] },
    ],
  ),
  /** Lesson 9: a GAN learning a 1-D distribution: generator histogram, real density, discriminator curve. */
  "gan-1d": demo(
    z.object({ target: z.enum(["gaussian", "bimodal"]).default("gaussian"), steps: z.number().int().min(100).max(5000).default(1500) }).strict(),
    [{ exercise: "gan-losses", exports: ["discriminatorLoss", "generatorLoss"] }],
  ),
  /** Lesson 10: k-fold cross-validation on Iris, with the out-of-fold confusion matrix and ROC curve. */
  "cross-validation": demo(
    z.object({ k: z.number().int().min(2).max(10).default(5), shuffle: z.boolean().default(true), positive: z.number().int().min(0).max(2).default(1) }).strict(),
    [
      { exercise: "k-fold", exports: ["kFoldIndices"] },
      { exercise: "classification-metrics", exports: ["confusionMatrix"] },
    ],
  ),
  /** Lesson 11: model.fit on MNIST digits with live, TensorBoard-style curves. */
  "fit-curves": demo(
    z.object({ epochs: z.number().int().min(1).max(20).default(8), hidden: z.number().int().min(8).max(256).default(64), learningRate: z.number().min(0.0001).max(0.1).default(0.002) }).strict(),
  ),
  /** Lesson 12: saliency, occlusion and LIME-style explanations of the lesson-5 CNN; saving and loading it in the browser. */
  "explain-digit": demo(z.object({ sample: z.number().int().min(0).max(999).default(0) }).strict()),
} satisfies Record<string, DemoSpec>;

export type DemoName = keyof typeof demoSpecs;
export type DemoParams<N extends DemoName> = z.output<(typeof demoSpecs)[N]["params"]>;

export const demoNames = Object.keys(demoSpecs) as DemoName[];

export function isDemoName(name: string): name is DemoName {
  return Object.hasOwn(demoSpecs, name);
}

export class DemoDirectiveError extends Error {
  override name = "DemoDirectiveError";
}

/** Parses a `demo <name>` fence: the name must be registered and the JSON body must fit its schema. */
export function parseDemoDirective(name: string, body: string): { name: DemoName; params: Record<string, unknown> } {
  if (!isDemoName(name)) throw new DemoDirectiveError(`unknown demo "${name}" (known: ${demoNames.join(", ")})`);
  let raw: unknown = {};
  if (body.trim() !== "") {
    try {
      raw = JSON.parse(body);
    } catch {
      throw new DemoDirectiveError(`demo "${name}": parameters are not valid JSON`);
    }
  }
  const parsed = demoSpecs[name].params.safeParse(raw);
  if (!parsed.success) throw new DemoDirectiveError(`demo "${name}": invalid parameters: ${z.prettifyError(parsed.error)}`);
  return { name, params: parsed.data as Record<string, unknown> };
}
