/**
 * Lesson 8: a tiny Transformer learning to reverse sequences of letters (model kit's
 * trainReverser). Each snapshot: training and held-out loss, accuracy, the example's prediction
 * and every head's attention weights on it. With the reader's `multi-head-attention` switched on,
 * the weights being trained are also scored with their multiHeadAttention in place of the
 * reference's (training itself needs the reference's gradients): a wrong implementation keeps its
 * curves at chance while the reference's fall, and the check compares both layers' outputs.
 */
import { compareOutputs, type OwnCheck } from "../../lib/lessons/own-check.ts";
import { trainReverser, type AttentionFn } from "../../../../../packages/model-kit/src/demos/reverse-transformer.ts";
import { OwnCodeError, type DemoComputation } from "../demo-context.ts";
import { reference } from "../model-kit.ts";

/** The alphabet of the demo: letters A…H (so a sequence of up to 8 has distinct letters). */
const VOCAB = 8;
/** Held-out sequences the accuracy is measured on. */
const HELD_OUT = 256;
const EXERCISE = "multi-head-attention";

export interface ReverseScore {
  loss: number;
  accuracy: number;
  sequenceAccuracy: number;
}

export type ReverseFrame =
  | ({
      kind: "snapshot";
      step: number;
      /** Letters in the alphabet and held-out sequences scored (for the view's texts). */
      vocab: number;
      heldOut: number;
      trainLoss: number;
      input: number[];
      target: number[];
      predicted: number[];
      /** [head][query position][key position]. */
      attention: number[][][];
      /** The same weights scored with the reader's multiHeadAttention. */
      own?: ReverseScore;
    } & ReverseScore)
  | { kind: "check"; check: OwnCheck };

export const transformerReverse: DemoComputation<"transformer-reverse", ReverseFrame> = async (params, ctx) => {
  const isOwn = ctx.isOwn(EXERCISE);
  const theirs = ctx.block(EXERCISE, "multiHeadAttention", reference.multiHeadAttention) as unknown as AttentionFn;
  let checked = false;
  await trainReverser({ seqLen: params.seqLen, heads: params.heads, steps: params.steps, vocab: VOCAB, evalSize: HELD_OUT, every: 10 }, async (s) => {
    const { score, ...view } = s;
    const frame: ReverseFrame = { kind: "snapshot", vocab: VOCAB, heldOut: HELD_OUT, ...view };
    if (isOwn) {
      let mine: Awaited<ReturnType<typeof score>>;
      try {
        mine = await score(theirs);
      } catch (e) {
        throw e instanceof OwnCodeError ? e : new OwnCodeError(EXERCISE, e instanceof Error ? e.message : String(e));
      }
      frame.own = { loss: mine.loss, accuracy: mine.accuracy, sequenceAccuracy: mine.sequenceAccuracy };
      if (!checked) {
        checked = true;
        const [, T, d] = mine.outputShape;
        ctx.emit({ kind: "check", check: compareOutputs(EXERCISE, mine.output, mine.referenceOutput, (i) => `sequence ${Math.floor(i / (T * d)) + 1}, position ${(Math.floor(i / d) % T) + 1}, feature ${i % d}`) });
      }
    }
    ctx.emit(frame);
    // Throws when cancelled; trainReverser frees its tensors on the way out.
    await ctx.tick();
  });
};
