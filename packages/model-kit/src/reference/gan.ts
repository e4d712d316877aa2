import * as tf from "@tensorflow/tfjs";
import { takeNumber } from "./util.ts";

/** log(1 + exp(z)) = max(z, 0) + log1p(exp(-|z|)): finite for any finite z. */
function softplus(z: tf.Tensor): tf.Tensor {
  return tf.add(tf.relu(z), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));
}

/** BCE with real = 1, fake = 0: mean(-log σ(real)) + mean(-log(1 - σ(fake))). */
export function discriminatorLoss(realLogits: tf.Tensor, fakeLogits: tf.Tensor): number {
  return takeNumber(tf.tidy(() => tf.add(tf.mean(softplus(tf.neg(realLogits))), tf.mean(softplus(fakeLogits)))));
}

/** Non-saturating generator loss: -mean log σ(fake). */
export function generatorLoss(fakeLogits: tf.Tensor): number {
  return takeNumber(tf.tidy(() => tf.mean(softplus(tf.neg(fakeLogits)))));
}
