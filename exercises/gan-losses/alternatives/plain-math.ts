import type * as tf from "@tensorflow/tfjs";

// Plain JavaScript on the downloaded logits: -log σ(l) = log(1 + e^{-l}) computed stably.
const negLogSigmoid = (l: number): number => (l > 0 ? Math.log1p(Math.exp(-l)) : -l + Math.log1p(Math.exp(l)));
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export async function discriminatorLoss(realLogits: tf.Tensor1D, fakeLogits: tf.Tensor1D) {
  const real = Array.from(await realLogits.data());
  const fake = Array.from(await fakeLogits.data());
  return mean(real.map(negLogSigmoid)) + mean(fake.map((l) => negLogSigmoid(-l)));
}

export async function generatorLoss(fakeLogits: tf.Tensor1D) {
  return mean(Array.from(await fakeLogits.data()).map(negLogSigmoid));
}
