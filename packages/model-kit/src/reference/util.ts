import type * as tf from "@tensorflow/tfjs";

/** Read a scalar (or single-element) tensor as a JS number and dispose it. */
export function takeNumber(t: tf.Tensor): number {
  const v = t.dataSync()[0];
  t.dispose();
  if (v === undefined) throw new RangeError("expected a single-element tensor");
  return v;
}

export function assertRank(x: tf.Tensor, rank: number, name: string): void {
  if (x.rank !== rank) throw new RangeError(`${name} must have rank ${rank}, got shape [${x.shape.join(", ")}]`);
}
