/**
 * Lesson 9: a GAN learning a 1-D distribution (model kit's trainGan1d). Each snapshot: the
 * generator's histogram against the real density, the discriminator's curve and both losses. With
 * the reader's gan-losses switched on, their discriminatorLoss and generatorLoss are computed on
 * the same logits at every snapshot and drawn beside the reference's.
 */
import type { OwnCheck } from "../../lib/lessons/own-check.ts";
import { compareOutputs } from "../../lib/lessons/own-check.ts";
import { trainGan1d } from "../../../../../packages/model-kit/src/demos/gan1d.ts";
import type { DemoComputation } from "../demo-context.ts";
import { reference } from "../model-kit.ts";

export type GanFrame =
  | { kind: "snapshot"; step: number; dLoss: number; gLoss: number; ownD?: number; ownG?: number; binCenters: number[]; generated: number[]; real: number[]; discriminator: number[] }
  | { kind: "check"; check: OwnCheck };

const EXERCISE = "gan-losses";

const toNumber = async (v: unknown): Promise<number> => {
  if (typeof v === "number") return v;
  const t = v as { data(): Promise<ArrayLike<number>>; dispose(): void };
  const value = (await t.data())[0] ?? Number.NaN;
  t.dispose();
  return value;
};

export const gan1d: DemoComputation<"gan-1d", GanFrame> = async (params, ctx) => {
  const { tf } = ctx;
  const own = ctx.isOwn(EXERCISE);
  const dLossOf = ctx.block(EXERCISE, "discriminatorLoss", reference.discriminatorLoss);
  const gLossOf = ctx.block(EXERCISE, "generatorLoss", reference.generatorLoss);
  let checked = false;
  await trainGan1d({ target: params.target, steps: params.steps, every: 50 }, async (s) => {
    const { realLogits, fakeLogits, ...view } = s;
    const frame: GanFrame = { kind: "snapshot", ...view };
    if (own) {
      const [real, fake] = [tf.tensor1d(realLogits), tf.tensor1d(fakeLogits)];
      try {
        frame.ownD = await toNumber(await dLossOf(real, fake));
        frame.ownG = await toNumber(await gLossOf(fake));
        if (!checked) {
          checked = true;
          const refG = reference.generatorLoss(fake);
          ctx.emit({ kind: "check", check: compareOutputs(EXERCISE, [frame.ownD, frame.ownG], [s.dLoss, refG], (i) => (i === 0 ? "discriminatorLoss" : "generatorLoss")) });
        }
      } finally {
        tf.dispose([real, fake]);
      }
    }
    ctx.emit(frame);
    await ctx.tick();
  });
};
