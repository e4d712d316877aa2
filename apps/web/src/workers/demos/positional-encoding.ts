/**
 * Lesson 8: the sinusoidal positional encodings PE[p, 2i] = sin(p / 10000^(2i/d)), PE[p, 2i+1] =
 * cos(same), and the dot products PE·PEᵀ between positions, which depend only on their distance.
 * With the reader's `positional-encoding` switched on, their table is drawn and compared.
 */
import { compareOutputs, type OwnCheck } from "../../lib/lessons/own-check.ts";
import { OwnCodeError, type DemoComputation } from "../demo-context.ts";
import { reference } from "../model-kit.ts";
import type * as tfjs from "@tensorflow/tfjs";

export interface PositionalFrame {
  pe: number[][];
  similarity: number[][];
  checks: OwnCheck[];
}

const EXERCISE = "positional-encoding";

export const positionalEncoding: DemoComputation<"positional-encoding", PositionalFrame> = async (params, ctx) => {
  const { tf } = ctx;
  const { seqLen, dModel } = params;
  const encode = ctx.block(EXERCISE, "positionalEncoding", reference.positionalEncoding) as (s: number, d: number) => Promise<tfjs.Tensor>;
  const pe = await encode(seqLen, dModel);
  try {
    if (pe.shape.length !== 2 || pe.shape[0] !== seqLen || pe.shape[1] !== dModel) {
      const message = `positionalEncoding(${seqLen}, ${dModel}) returned shape [${pe.shape.join(", ")}], expected [${seqLen}, ${dModel}]`;
      throw ctx.isOwn(EXERCISE) ? new OwnCodeError(EXERCISE, message) : new Error(message);
    }
    const values = Array.from(await pe.data());
    const sim = Array.from(tf.tidy(() => tf.div(tf.matMul(pe as tfjs.Tensor2D, pe as tfjs.Tensor2D, false, true), dModel / 2)).dataSync());
    const rows = (flat: number[], n: number) => Array.from({ length: flat.length / n }, (_, r) => flat.slice(r * n, (r + 1) * n));
    const checks: OwnCheck[] = [];
    if (ctx.isOwn(EXERCISE)) {
      const ref = reference.positionalEncoding(seqLen, dModel);
      checks.push(compareOutputs(EXERCISE, values, Array.from(ref.dataSync()), (i) => `PE[${Math.floor(i / dModel)}, ${i % dModel}]`));
      ref.dispose();
    }
    ctx.emit({ pe: rows(values, dModel), similarity: rows(sim, seqLen), checks });
  } finally {
    pe.dispose();
  }
};
