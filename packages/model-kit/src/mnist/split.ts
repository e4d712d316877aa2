import { z } from "zod";
import { createRng } from "../rng.ts";

export interface MnistSplit {
  /** Indices of training images, in a seeded random order. */
  train: number[];
  /** Indices of held-out images, in a seeded random order; disjoint from train. */
  test: number[];
}

const SplitOptionsSchema = z.object({
  /** Share of each class held out for testing, in (0, 1). */
  testFraction: z.number().gt(0).lt(1),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
});
export type SplitOptions = z.input<typeof SplitOptionsSchema>;

/**
 * A stratified, seeded held-out split: each class gives round(size·testFraction) of its images to
 * the test set (at least one, and at least one stays in train). Same labels and seed, same split,
 * on every machine (the kit's pure-JS RNG).
 */
export function splitHeldOut(labels: ArrayLike<number>, options: SplitOptions): MnistSplit {
  const { testFraction, seed } = SplitOptionsSchema.parse(options);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    const members = byClass.get(label) ?? [];
    members.push(i);
    byClass.set(label, members);
  }
  const rng = createRng(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = rng.fork(`class ${label}`).shuffle(byClass.get(label) as number[]);
    if (members.length < 2) throw new RangeError(`class ${label} has ${members.length} image; a held-out split needs at least 2 per class`);
    const held = Math.min(members.length - 1, Math.max(1, Math.round(members.length * testFraction)));
    test.push(...members.slice(0, held));
    train.push(...members.slice(held));
  }
  return { train: rng.fork("train order").shuffle(train), test: rng.fork("test order").shuffle(test) };
}
