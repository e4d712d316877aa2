import * as tf from "@tensorflow/tfjs";
import { allOf, call, defineTests, edgeCase, nonEmpty, randomCase, shaped, valuesIn } from "@course/exercise-kit";
import { reference, type Rng } from "@course/model-kit";

interface Inputs {
  which: "discriminator" | "generator";
  real: tf.Tensor;
  fake: tf.Tensor;
}

const draw = (rng: Rng, which: Inputs["which"], n: number, scale = 2): Inputs => ({ which, real: rng.normal([n], 0, scale), fake: rng.normal([n], 0, scale) });
const huge = (): tf.Tensor => tf.tensor1d([1e4, -1e4, 0, 30, -30]);

export default defineTests<Inputs>({
  run: (i) => (i.which === "discriminator" ? call("discriminatorLoss", i.real, i.fake) : call("generatorLoss", i.fake)),
  expected: (i) => (i.which === "discriminator" ? reference.discriminatorLoss(i.real, i.fake) : reference.generatorLoss(i.fake)),
  domain: (i) => allOf(nonEmpty({ fake: i.fake }), shaped("fake", i.fake, [undefined]), valuesIn("fake", i.fake, -1e4, 1e4, true), i.which === "discriminator" ? allOf(shaped("real", i.real, i.fake.shape), valuesIn("real", i.real, -1e4, 1e4, true)) : true),
  cases: [
    randomCase("discriminator loss, batch of 6", (rng) => draw(rng, "discriminator", 6), { visibility: "public" }),
    randomCase("generator loss, batch of 6", (rng) => draw(rng, "generator", 6), { visibility: "public" }),
    randomCase("discriminator loss, random batch", (rng) => draw(rng, "discriminator", rng.int(1, 40), 4), { points: 2 }),
    randomCase("generator loss, random batch", (rng) => draw(rng, "generator", rng.int(1, 40), 4), { points: 2 }),
    edgeCase("discriminator loss with logits of ±1e4", () => ({ which: "discriminator", real: huge(), fake: tf.reverse(huge()) }), { points: 2 }),
    edgeCase("generator loss with logits of ±1e4", () => ({ which: "generator", real: huge(), fake: huge() }), { points: 2 }),
    edgeCase("a confident discriminator (real +20, fake -20)", () => ({ which: "discriminator", real: tf.fill([4], 20), fake: tf.fill([4], -20) })),
    edgeCase("N = 1, zero logits", () => ({ which: "generator", real: tf.zeros([1]), fake: tf.zeros([1]) })),
  ],
});
