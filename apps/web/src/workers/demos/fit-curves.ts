/** Lesson 11: model.compile + model.fit on MNIST digits, reported batch by batch and epoch by epoch. */
import { fitWithCurves } from "../../../../../packages/model-kit/src/demos/fit-curves.ts";
import type { DemoComputation } from "../demo-context.ts";
import { loadDigits } from "./mnist-model.ts";

export type FitFrame =
  | { kind: "batch"; step: number; loss: number; accuracy: number }
  | { kind: "epoch"; epoch: number; loss: number; accuracy: number; valLoss: number; valAccuracy: number };

export const fitCurves: DemoComputation<"fit-curves", FitFrame> = async (params, ctx) => {
  const data = await loadDigits();
  const stop = new AbortController();
  await fitWithCurves(
    data,
    { epochs: params.epochs, hidden: params.hidden, learningRate: params.learningRate },
    {
      onBatch: async (b) => {
        ctx.emit({ kind: "batch", ...b });
        if (b.step % 5 === 4) await ctx.tick().catch(() => stop.abort());
      },
      onEpoch: (e) => ctx.emit({ kind: "epoch", ...e }),
    },
    stop.signal,
  );
  await ctx.tick();
};
