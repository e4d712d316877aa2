// Style: arraySync() into float64 JS numbers, a branch on the sign with tf-free Math.log/Math.exp, loops, sum then divide.
import type * as tf from "@tensorflow/tfjs";

/** log(1 + e^z) without overflow: for z > 0 it is z + log(1 + e^{-z}). */
function softplus(z: number): number {
  return z > 0 ? z + Math.log(1 + Math.exp(-z)) : Math.log(1 + Math.exp(z));
}

export function discriminatorLoss(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D): number {
  const real = realLogits.arraySync();
  const fake = fakeLogits.arraySync();
  let realSum = 0;
  for (const l of real) realSum += softplus(-l);
  let fakeSum = 0;
  for (const l of fake) fakeSum += softplus(l);
  return realSum / real.length + fakeSum / fake.length;
}

export function generatorLoss(fakeLogits: tf.Tensor1D): number {
  const fake = fakeLogits.arraySync();
  let sum = 0;
  for (let i = fake.length - 1; i >= 0; i--) sum += softplus(-fake[i]!);
  return sum / fake.length;
}
