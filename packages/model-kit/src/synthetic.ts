import * as tf from "@tensorflow/tfjs";
import { createRng } from "./rng.ts";

/**
 * Seeded synthetic data for demos, tests and benchmarks. Labels follow from the inputs by a fixed
 * rule, so a model can really learn them.
 */

/** Gaussian blobs: class c is centred on a random point; x[N,D], one-hot y[N,K]. */
export function blobs(n: number, dim: number, classes: number, seed: number, spread = 0.6): { x: tf.Tensor2D; y: tf.Tensor2D; labels: number[] } {
  const rng = createRng(seed);
  const centres = Array.from({ length: classes }, () => rng.normalArray(dim, 0, 2));
  const xs = new Float32Array(n * dim);
  const labels: number[] = [];
  const noise = rng.normalArray(n * dim, 0, spread);
  for (let i = 0; i < n; i++) {
    const c = rng.int(0, classes);
    labels.push(c);
    for (let j = 0; j < dim; j++) xs[i * dim + j] = (centres[c]?.[j] as number) + (noise[i * dim + j] as number);
  }
  return tf.tidy(() => ({ x: tf.tensor2d(xs, [n, dim]), y: tf.oneHot(tf.tensor1d(labels, "int32"), classes) as tf.Tensor2D, labels }));
}

/**
 * Images [N,S,S,1] of noise with one bright 3×3 square; the label is the quadrant holding it
 * (4 classes: top-left, top-right, bottom-left, bottom-right). y is one-hot [N,4].
 */
export function quadrantImages(n: number, size: number, seed: number): { x: tf.Tensor4D; y: tf.Tensor2D; labels: number[] } {
  if (size < 8 || size % 2 !== 0) throw new RangeError("size must be even and >= 8");
  const rng = createRng(seed);
  const xs = rng.normalArray(n * size * size, 0, 0.3);
  const labels: number[] = [];
  const half = size / 2;
  for (let i = 0; i < n; i++) {
    const q = rng.int(0, 4);
    labels.push(q);
    const top = (q >= 2 ? half : 0) + rng.int(0, half - 2);
    const left = (q % 2 === 1 ? half : 0) + rng.int(0, half - 2);
    for (let r = top; r < top + 3; r++) for (let c = left; c < left + 3; c++) xs[(i * size + r) * size + c] = (xs[(i * size + r) * size + c] as number) + 2;
  }
  return tf.tidy(() => ({ x: tf.tensor4d(xs, [n, size, size, 1]), y: tf.oneHot(tf.tensor1d(labels, "int32"), 4) as tf.Tensor2D, labels }));
}

/** Small models used by demos, tests and the benchmark; weights seeded (glorot-uniform) for reproducibility. */
export function smallMlp(inputDim: number, hidden: number, classes: number, seed: number): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [inputDim], units: hidden, activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed }) }),
      tf.layers.dense({ units: classes, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
    ],
  });
}

export function smallCnn(size: number, classes: number, seed: number): tf.Sequential {
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [size, size, 1], filters: 8, kernelSize: 3, padding: "same", activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed }) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 16, kernelSize: 3, padding: "same", activation: "relu", kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: classes, activation: "softmax", kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }) }),
    ],
  });
}
