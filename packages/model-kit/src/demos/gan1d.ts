import * as tf from "@tensorflow/tfjs";
import { z } from "zod";
import { createRng } from "../rng.ts";

/**
 * Lesson 9: a GAN learning a 1-D distribution. The generator maps noise z ~ N(0, 1) through one
 * tanh hidden layer to a number; the discriminator maps a number through one tanh hidden layer to a
 * logit. They take turns: one discriminator step on the binary cross-entropy (real = 1, fake = 0),
 * one generator step on the non-saturating loss −mean log σ(D(G(z))), both with Adam.
 */
export const GAN_TARGETS = ["gaussian", "bimodal"] as const;
export type GanTarget = (typeof GAN_TARGETS)[number];

const OptionsSchema = z.object({
  target: z.enum(GAN_TARGETS).default("gaussian"),
  steps: z.number().int().min(1).max(20_000).default(1500),
  batchSize: z.number().int().min(8).max(512).default(128),
  learningRate: z.number().positive().max(1).default(0.002),
  hidden: z.number().int().min(2).max(64).default(16),
  /** A snapshot every this many steps (and after the last). */
  every: z.number().int().min(1).default(50),
  bins: z.number().int().min(5).max(200).default(40),
  seed: z.number().int().min(0).max(2 ** 31).default(1),
});
export type Gan1dOptions = z.input<typeof OptionsSchema>;

/** Where the histogram and the discriminator curve are drawn. */
export const GAN_RANGE: readonly [number, number] = [-4, 6];

/** Density of the real data at x. */
export function targetDensity(target: GanTarget, x: number): number {
  const normal = (m: number, s: number) => Math.exp(-((x - m) ** 2) / (2 * s * s)) / (s * Math.sqrt(2 * Math.PI));
  return target === "gaussian" ? normal(2, 0.6) : 0.5 * normal(-1, 0.5) + 0.5 * normal(3, 0.5);
}

/** n samples of the real data. */
export function sampleTarget(target: GanTarget, n: number, rng: ReturnType<typeof createRng>): Float32Array {
  const z = rng.normalArray(n);
  if (target === "gaussian") return z.map((v) => 2 + 0.6 * v);
  return z.map((v) => (rng.next() < 0.5 ? -1 : 3) + 0.5 * v);
}

export interface GanSnapshot {
  step: number;
  /** Discriminator and generator losses of this step's batch (before the updates). */
  dLoss: number;
  gLoss: number;
  binCenters: number[];
  /** Generator samples per bin as a density (integrates to the share inside the range). */
  generated: number[];
  /** The real density at each bin centre. */
  real: number[];
  /** σ(D(x)) at each bin centre: the discriminator's belief that x is real. */
  discriminator: number[];
  /** The logits this step's losses were computed from (for checking a student's loss functions). */
  realLogits: number[];
  fakeLogits: number[];
}

interface Mlp {
  w1: tf.Variable;
  b1: tf.Variable;
  w2: tf.Variable;
  b2: tf.Variable;
}

function mlp(hidden: number, rng: ReturnType<typeof createRng>, outScale: number): Mlp {
  // tidy frees the initial values; variables survive it.
  return tf.tidy(() => ({
    w1: tf.variable(rng.normal([1, hidden], 0, 1)),
    b1: tf.variable(rng.normal([hidden], 0, 0.5)),
    w2: tf.variable(rng.normal([hidden, 1], 0, outScale / Math.sqrt(hidden))),
    b2: tf.variable(tf.zeros([1])),
  }));
}
const forward = (p: Mlp, x: tf.Tensor2D): tf.Tensor2D => tf.add(tf.matMul(tf.tanh(tf.add(tf.matMul(x, p.w1), p.b1)), p.w2), p.b2) as tf.Tensor2D;
const softplus = (z: tf.Tensor): tf.Tensor => tf.add(tf.relu(z), tf.log1p(tf.exp(tf.neg(tf.abs(z)))));

/**
 * Trains the pair and hands a snapshot to onSnapshot every `every` steps; an awaited onSnapshot
 * paces the run (a demo yields there). Stops early when signal aborts. Leaks no tensors.
 */
export async function trainGan1d(options: Gan1dOptions, onSnapshot: (s: GanSnapshot) => void | Promise<void>, signal?: AbortSignal): Promise<void> {
  const o = OptionsSchema.parse(options);
  const rng = createRng(o.seed);
  const gen = mlp(o.hidden, rng.fork("generator"), 1);
  const disc = mlp(o.hidden, rng.fork("discriminator"), 1);
  const optD = tf.train.adam(o.learningRate, 0.5);
  const optG = tf.train.adam(o.learningRate, 0.5);
  const data = rng.fork("data");
  const view = rng.fork("view"); // snapshots draw their own samples: training is the same whatever `every` is
  const [lo, hi] = GAN_RANGE;
  const width = (hi - lo) / o.bins;
  const binCenters = Array.from({ length: o.bins }, (_, i) => lo + (i + 0.5) * width);
  const grid = tf.tensor2d(binCenters, [o.bins, 1]);
  try {
    for (let step = 0; step < o.steps; step++) {
      if (signal?.aborted === true) return;
      const real = tf.tensor2d(sampleTarget(o.target, o.batchSize, data), [o.batchSize, 1]);
      const z = tf.tensor2d(data.normalArray(o.batchSize), [o.batchSize, 1]);
      const snapshotDue = step % o.every === 0 || step === o.steps - 1;
      const logits = snapshotDue ? tf.tidy(() => [forward(disc, real), forward(disc, forward(gen, z))]) : [];
      const dCost = optD.minimize(() => tf.add(tf.mean(softplus(tf.neg(forward(disc, real)))), tf.mean(softplus(forward(disc, forward(gen, z))))) as tf.Scalar, true, Object.values(disc));
      const gCost = optG.minimize(() => tf.mean(softplus(tf.neg(forward(disc, forward(gen, z))))) as tf.Scalar, true, Object.values(gen));
      if (snapshotDue) {
        const samples = tf.tidy(() => forward(gen, tf.tensor2d(view.normalArray(1000), [1000, 1])).dataSync());
        const counts = new Array<number>(o.bins).fill(0);
        for (const s of samples) {
          const b = Math.floor((s - lo) / width);
          if (b >= 0 && b < o.bins) counts[b] = (counts[b] as number) + 1;
        }
        const discriminator = Array.from(tf.tidy(() => tf.sigmoid(forward(disc, grid)).dataSync()));
        const snapshot: GanSnapshot = {
          step,
          dLoss: (await dCost!.data())[0] as number,
          gLoss: (await gCost!.data())[0] as number,
          binCenters,
          generated: counts.map((c) => c / (samples.length * width)),
          real: binCenters.map((x) => targetDensity(o.target, x)),
          discriminator,
          realLogits: Array.from(await logits[0]!.data()),
          fakeLogits: Array.from(await logits[1]!.data()),
        };
        tf.dispose([dCost!, gCost!, real, z, ...logits]);
        await onSnapshot(snapshot);
      } else {
        tf.dispose([dCost!, gCost!, real, z]);
      }
    }
  } finally {
    optD.dispose();
    optG.dispose();
    tf.dispose([grid, ...Object.values(gen), ...Object.values(disc)]);
  }
}
