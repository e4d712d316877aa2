import type { TensorLike } from "../tensor-like.ts";
import { f64, softplusScalar, type F64 } from "./core.ts";

const mean = (xs: Float64Array, fn: (v: number) => number): number => xs.reduce((s, v) => s + fn(v), 0) / xs.length;

/** BCE with real = 1, fake = 0: mean softplus(-real) + mean softplus(fake). Stable for ±1e4. */
export function discriminatorLoss(realLogits: TensorLike | F64, fakeLogits: TensorLike | F64): number {
  return mean(f64(realLogits).values, (z) => softplusScalar(-z)) + mean(f64(fakeLogits).values, softplusScalar);
}

/** Non-saturating generator loss: -mean log sigmoid(fake) = mean softplus(-fake). */
export function generatorLoss(fakeLogits: TensorLike | F64): number {
  return mean(f64(fakeLogits).values, (z) => softplusScalar(-z));
}

/** Both GAN losses at once. */
export function ganLosses(realLogits: TensorLike | F64, fakeLogits: TensorLike | F64): { discriminator: number; generator: number } {
  return { discriminator: discriminatorLoss(realLogits, fakeLogits), generator: generatorLoss(fakeLogits) };
}
