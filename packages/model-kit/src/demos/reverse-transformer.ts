import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import { createRng, type Rng } from "../rng.ts";
import { scaledDotProductAttention } from "../reference/attention.ts";
import { layerNorm, multiHeadAttention, positionalEncoding, type MhaParams } from "../reference/transformer.ts";

/**
 * Lesson 8: a tiny Transformer learning to reverse sequences. Tokens (letters A, B, …) are
 * embedded, the sinusoidal positional encoding is added, and one pre-norm encoder block (multi-head
 * self-attention, then a feed-forward network, each with a residual) feeds a linear read-out that
 * predicts, at position i, the input token at position T−1−i. Nothing in a token says where it
 * sits, so the only way to solve the task is for attention to look from position i to position
 * T−1−i: once the model has learned, every useful head's weights form the anti-diagonal.
 *
 * The attention layer is the course's multiHeadAttention (reference); `score` evaluates the trained
 * weights with any other implementation of it (a reader's), so both can be compared.
 */
const OptionsSchema = z
  .object({
    seqLen: z.number().int().min(3).max(10).default(6),
    vocab: z.number().int().min(4).max(16).default(8),
    dModel: z.number().int().min(8).max(64).default(32),
    heads: z.number().int().min(1).max(4).default(2),
    ffn: z.number().int().min(8).max(128).default(64),
    steps: z.number().int().min(1).max(5000).default(300),
    batchSize: z.number().int().min(8).max(256).default(64),
    learningRate: z.number().positive().max(1).default(0.01),
    /** Held-out sequences the accuracy is measured on. */
    evalSize: z.number().int().min(16).max(1024).default(256),
    /** A snapshot every this many steps (and after the last). */
    every: z.number().int().min(1).default(10),
    seed: z.number().int().min(0).max(2 ** 31).default(1),
  })
  .strict()
  .refine((o) => o.dModel % o.heads === 0 && o.dModel % 2 === 0, { message: "heads must divide dModel, and dModel must be even" });
export type ReverserOptions = z.input<typeof OptionsSchema>;

/** The attention layer's signature (the course's `multi-head-attention` exercise), possibly async. */
export type AttentionFn = (x: tf.Tensor3D, p: MhaParams, numHeads: number) => tf.Tensor | Promise<tf.Tensor>;

export interface ReverserScore {
  /** Mean cross-entropy and share of correct tokens on the held-out sequences. */
  loss: number;
  accuracy: number;
  /** Share of held-out sequences reversed without a single mistake. */
  sequenceAccuracy: number;
}

export interface ReverserSnapshot extends ReverserScore {
  step: number;
  /** This step's training loss (before its update). */
  trainLoss: number;
  /** The example shown: its tokens, the target (reversed) and the model's prediction. */
  input: number[];
  target: number[];
  predicted: number[];
  /** heads × T × T attention weights on the example: [h][query i][key j]. */
  attention: number[][][];
  /**
   * Evaluates the current weights with another attention layer on the same held-out sequences,
   * returning its score and, for a comparison, its and the reference's outputs on the first
   * sequences. Valid until the snapshot callback returns.
   */
  score(attention: AttentionFn): Promise<ReverserScore & { output: number[]; referenceOutput: number[]; outputShape: [number, number, number] }>;
}

interface Model {
  embed: tf.Variable;
  attn: { [K in keyof MhaParams]: tf.Variable };
  ln1: { gamma: tf.Variable; beta: tf.Variable };
  ln2: { gamma: tf.Variable; beta: tf.Variable };
  lnOut: { gamma: tf.Variable; beta: tf.Variable };
  w1: tf.Variable;
  b1: tf.Variable;
  w2: tf.Variable;
  b2: tf.Variable;
  wOut: tf.Variable;
  bOut: tf.Variable;
}

function createModel(o: z.output<typeof OptionsSchema>, rng: Rng): Model {
  const { dModel: d, ffn, vocab } = o;
  const v = (t: tf.Tensor) => tf.variable(t);
  const dense = (i: number, out: number) => v(rng.normal([i, out], 0, 1 / Math.sqrt(i)));
  const norm = () => ({ gamma: v(tf.ones([d])), beta: v(tf.zeros([d])) });
  return tf.tidy(() => ({
    embed: v(rng.normal([vocab, d], 0, 1)),
    attn: { wq: dense(d, d), wk: dense(d, d), wv: dense(d, d), wo: dense(d, d), bq: v(tf.zeros([d])), bk: v(tf.zeros([d])), bv: v(tf.zeros([d])), bo: v(tf.zeros([d])) },
    ln1: norm(),
    ln2: norm(),
    lnOut: norm(),
    w1: dense(d, ffn),
    b1: v(tf.zeros([ffn])),
    w2: dense(ffn, d),
    b2: v(tf.zeros([d])),
    wOut: dense(d, vocab),
    bOut: v(tf.zeros([vocab])),
  }));
}

const variablesOf = (m: Model): tf.Variable[] => [m.embed, ...Object.values(m.attn), m.ln1.gamma, m.ln1.beta, m.ln2.gamma, m.ln2.beta, m.lnOut.gamma, m.lnOut.beta, m.w1, m.b1, m.w2, m.b2, m.wOut, m.bOut];

/** x[B,T,d]·w + b over the last axis. */
function linear(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const [B, T, d] = x.shape as [number, number, number];
  return tf.reshape(tf.add(tf.matMul(tf.reshape(x, [B * T, d]) as tf.Tensor2D, w as tf.Tensor2D), b), [B, T, w.shape[1] as number]);
}

/** Embedding plus positional encoding (x), and its layer-normed copy the attention reads (xn). */
function front(m: Model, pe: tf.Tensor, tokens: tf.Tensor): { x: tf.Tensor; xn: tf.Tensor3D } {
  const x = tf.add(tf.gather(m.embed, tokens), pe);
  return { x, xn: layerNorm(x, m.ln1.gamma, m.ln1.beta, 1e-5) as unknown as tf.Tensor3D };
}

/** Residual, feed-forward block and read-out: logits [B·T, vocab]. */
function back(m: Model, x: tf.Tensor, attended: tf.Tensor, vocab: number): tf.Tensor2D {
  const h = tf.add(x, attended);
  const ffn = linear(tf.relu(linear(layerNorm(h, m.ln2.gamma, m.ln2.beta, 1e-5), m.w1, m.b1)), m.w2, m.b2);
  const out = layerNorm(tf.add(h, ffn), m.lnOut.gamma, m.lnOut.beta, 1e-5);
  return tf.reshape(linear(out, m.wOut, m.bOut), [-1, vocab]) as tf.Tensor2D;
}

/** n random sequences of T tokens and their reversals, as int32 tensors [n, T]. */
function batchOf(rng: Rng, n: number, T: number, vocab: number): { tokens: tf.Tensor2D; targets: tf.Tensor2D } {
  const seqs = Array.from({ length: n }, () => Array.from({ length: T }, () => rng.int(0, vocab)));
  return { tokens: tf.tensor2d(seqs, [n, T], "int32"), targets: tf.tensor2d(seqs.map((s) => [...s].reverse()), [n, T], "int32") };
}

function crossEntropy(logits: tf.Tensor2D, targets: tf.Tensor, vocab: number): tf.Scalar {
  return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.reshape(targets, [-1]) as tf.Tensor1D, vocab), logits) as tf.Scalar;
}

/** Loss, token accuracy and whole-sequence accuracy of logits against targets [n, T]. */
async function scoreOf(logits: tf.Tensor2D, targets: tf.Tensor2D, vocab: number): Promise<ReverserScore> {
  const [n, T] = targets.shape;
  const [loss, hits] = tf.tidy(() => [crossEntropy(logits, targets, vocab), tf.reshape(tf.equal(tf.argMax(logits, -1), tf.reshape(targets, [-1])), [n, T])]);
  const lossValue = (await loss.data())[0] ?? Number.NaN;
  const h = await hits.data();
  tf.dispose([loss, hits]);
  let tokens = 0;
  let sequences = 0;
  for (let s = 0; s < n; s++) {
    let all = true;
    for (let t = 0; t < T; t++) {
      if (h[s * T + t]) tokens++;
      else all = false;
    }
    if (all) sequences++;
  }
  return { loss: lossValue, accuracy: tokens / (n * T), sequenceAccuracy: sequences / n };
}

/** Per-head attention weights [heads, T, T] of the model's attention layer on one sequence. */
function headWeights(m: Model, pe: tf.Tensor, tokens: tf.Tensor, heads: number): tf.Tensor3D {
  return tf.tidy(() => {
    const { xn } = front(m, pe, tokens);
    const [B, T, d] = xn.shape;
    const dk = d / heads;
    const split = (t: tf.Tensor) => tf.reshape(tf.transpose(tf.reshape(t, [B, T, heads, dk]), [0, 2, 1, 3]), [B * heads, T, dk]);
    const q = split(linear(xn, m.attn.wq, m.attn.bq));
    const k = split(linear(xn, m.attn.wk, m.attn.bk));
    return scaledDotProductAttention(q, k, k).weights;
  });
}

/** How many values of each output `score` returns for comparing an attention layer with the reference. */
const COMPARED_SEQUENCES = 4;

/**
 * Trains the model and hands a snapshot to onSnapshot every `every` steps (and after the last); an
 * awaited onSnapshot paces the run (a demo yields there). Stops early when signal aborts. Leaks no
 * tensors.
 */
export async function trainReverser(options: ReverserOptions, onSnapshot: (s: ReverserSnapshot) => void | Promise<void>, signal?: AbortSignal): Promise<void> {
  const o = OptionsSchema.parse(options);
  const { seqLen: T, vocab, heads } = o;
  const rng = createRng(o.seed);
  const model = createModel(o, rng.fork("model"));
  const optimizer = tf.train.adam(o.learningRate);
  const data = rng.fork("data");
  const pe = positionalEncoding(T, o.dModel);
  const held = batchOf(rng.fork("held-out"), o.evalSize, T, vocab);
  // The example: T distinct letters, so each row of the heatmap has one right answer.
  const pick = rng.fork("example");
  const letters = Array.from({ length: vocab }, (_, i) => i);
  for (let i = letters.length - 1; i > 0; i--) {
    const j = pick.int(0, i + 1);
    [letters[i], letters[j]] = [letters[j] as number, letters[i] as number];
  }
  const input = Array.from({ length: T }, (_, i) => letters[i % vocab] as number);
  const example = tf.tensor2d([input], [1, T], "int32");
  const sliceOf = (t: tf.Tensor, n: number) => tf.tidy(() => tf.slice(t, [0, 0, 0], [n, -1, -1]));
  try {
    for (let step = 0; step < o.steps; step++) {
      if (signal?.aborted === true) return;
      const batch = batchOf(data, o.batchSize, T, vocab);
      const cost = optimizer.minimize(
        () => {
          const { x, xn } = front(model, pe, batch.tokens);
          return crossEntropy(back(model, x, multiHeadAttention(xn, model.attn, heads), vocab), batch.targets, vocab);
        },
        true,
        variablesOf(model),
      );
      tf.dispose([batch.tokens, batch.targets]);
      if (step % o.every !== 0 && step !== o.steps - 1) {
        cost?.dispose();
        continue;
      }
      const trainLoss = (await cost!.data())[0] ?? Number.NaN;
      cost!.dispose();
      const logits = tf.tidy(() => {
        const { x, xn } = front(model, pe, held.tokens);
        return back(model, x, multiHeadAttention(xn, model.attn, heads), vocab);
      });
      const score = await scoreOf(logits, held.targets, vocab);
      logits.dispose();
      const predictedT = tf.tidy(() => {
        const { x, xn } = front(model, pe, example);
        return tf.argMax(back(model, x, multiHeadAttention(xn, model.attn, heads), vocab), -1);
      });
      const predicted = Array.from(await predictedT.data());
      predictedT.dispose();
      const weightsT = headWeights(model, pe, example, heads);
      const flat = Array.from(await weightsT.data());
      weightsT.dispose();
      const attention = Array.from({ length: heads }, (_, h) => Array.from({ length: T }, (_, i) => flat.slice((h * T + i) * T, (h * T + i + 1) * T)));
      await onSnapshot({
        step,
        trainLoss,
        ...score,
        input,
        target: [...input].reverse(),
        predicted,
        attention,
        async score(attentionFn) {
          const { x, xn } = tf.tidy(() => front(model, pe, held.tokens));
          let attended: tf.Tensor | undefined;
          try {
            attended = await attentionFn(xn, model.attn, heads);
            if (attended.shape.join() !== xn.shape.join()) throw new Error(`multiHeadAttention returned shape [${attended.shape.join(", ")}], expected [${xn.shape.join(", ")}]`);
            const reference = multiHeadAttention(xn, model.attn, heads);
            const [mine, ref] = [sliceOf(attended, COMPARED_SEQUENCES), sliceOf(reference, COMPARED_SEQUENCES)];
            const output = Array.from(await mine.data());
            const referenceOutput = Array.from(await ref.data());
            const outputShape = mine.shape as [number, number, number];
            tf.dispose([reference, mine, ref]);
            const logitsOwn = tf.tidy(() => back(model, x, attended as tf.Tensor, vocab));
            const s = await scoreOf(logitsOwn, held.targets, vocab);
            logitsOwn.dispose();
            return { ...s, output, referenceOutput, outputShape };
          } finally {
            tf.dispose([x, xn, ...(attended ? [attended] : [])]);
          }
        },
      });
    }
  } finally {
    optimizer.dispose();
    tf.dispose([pe, example, held.tokens, held.targets, ...variablesOf(model)]);
  }
}
