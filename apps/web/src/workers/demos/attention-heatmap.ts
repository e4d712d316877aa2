/**
 * Lesson 7: scaled dot-product attention over the words of a sentence. Each distinct word gets a
 * fixed pseudo-random embedding (seeded by the word, so "the" is the same vector everywhere), plus a
 * small signal of its position; queries are a rotated copy of the embeddings, keys and values the
 * embeddings themselves. A temperature τ divides the queries (so the scores), and the causal mask
 * hides later words. With the reader's `scaled-dot-product-attention` switched on, their function
 * computes the weights, compared with the reference's.
 */
import type * as tfjs from "@tensorflow/tfjs";
import { compareOutputs, type OwnCheck } from "../../lib/lessons/own-check.ts";
import type { DemoComputation } from "../demo-context.ts";
import { createRng, reference } from "../model-kit.ts";

export const ATTENTION_MAX_TOKENS = 12;
const D = 16;
const EXERCISE = "scaled-dot-product-attention";

export interface AttentionFrame {
  tokens: string[];
  weights: number[][];
  checks: OwnCheck[];
}

type Attention = (q: tfjs.Tensor, k: tfjs.Tensor, v: tfjs.Tensor, mask?: tfjs.Tensor) => Promise<{ output: tfjs.Tensor; weights: tfjs.Tensor }>;

function seedOf(word: string): number {
  let h = 2166136261;
  for (const ch of word) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}

export function tokenize(sentence: string): string[] {
  return sentence.toLowerCase().split(/\s+/).filter((w) => w !== "").slice(0, ATTENTION_MAX_TOKENS);
}

export const attentionHeatmap: DemoComputation<"attention-heatmap", AttentionFrame> = async (params, ctx) => {
  const { tf } = ctx;
  const tokens = tokenize(params.sentence);
  const T = tokens.length;
  const embed = tokens.flatMap((w, p) => {
    const v = Array.from(createRng(seedOf(w)).normalArray(D, 0, 1));
    return v.map((x, i) => x * 1.5 + 0.6 * Math.sin(p / Math.pow(100, (2 * Math.floor(i / 2)) / D) + (i % 2) * (Math.PI / 2)));
  });
  const rotation = createRng(7).normalArray(D * D, 0, 0.35);
  const attention = ctx.block(EXERCISE, "scaledDotProductAttention", reference.scaledDotProductAttention) as Attention;
  const [e, q, mask] = tf.tidy(() => {
    const e = tf.tensor3d(embed, [1, T, D]);
    const rot = tf.add(tf.eye(D), tf.tensor2d(rotation, [D, D]));
    const q = tf.div(tf.reshape(tf.matMul(tf.reshape(e, [T, D]), rot), [1, T, D]), params.temperature);
    const mask = params.causal ? tf.reshape(reference.causalMask(T), [1, T, T]) : undefined;
    return [e, q, mask] as const;
  });
  try {
    const out = await attention(q, e, e, mask);
    const weights = Array.from(await out.weights.data());
    tf.dispose(out as unknown as tfjs.TensorContainer);
    const rows = Array.from({ length: T }, (_, i) => weights.slice(i * T, (i + 1) * T));
    const checks: OwnCheck[] = [];
    if (ctx.isOwn(EXERCISE)) {
      const ref = reference.scaledDotProductAttention(q, e, e, mask);
      checks.push(compareOutputs(EXERCISE, weights, Array.from(ref.weights.dataSync()), (i) => `weight of "${tokens[Math.floor(i / T)]}" on "${tokens[i % T]}"`));
      tf.dispose([ref.output, ref.weights]);
    }
    ctx.emit({ tokens, weights: rows, checks });
  } finally {
    tf.dispose([e, q, ...(mask ? [mask] : [])]);
  }
};
