import * as tf from "@tensorflow/tfjs";
import type { MnistData } from "./format.ts";

/**
 * Images as the CNN reads them: x [n, rows, cols, 1] with ink in [0, 1], y one-hot [n, classes],
 * for the given image indices (in that order). The caller owns both tensors.
 */
export function mnistTensors(data: MnistData, indices: readonly number[]): { x: tf.Tensor4D; y: tf.Tensor2D; labels: number[] } {
  const size = data.rows * data.cols;
  const pixels = new Float32Array(indices.length * size);
  const labels: number[] = [];
  indices.forEach((image, row) => {
    if (!Number.isInteger(image) || image < 0 || image >= data.count) throw new RangeError(`image index ${image} is outside [0, ${data.count})`);
    const from = image * size;
    for (let p = 0; p < size; p++) pixels[row * size + p] = (data.pixels[from + p] as number) / 255;
    labels.push(data.labels[image] as number);
  });
  return tf.tidy(() => ({
    x: tf.tensor4d(pixels, [indices.length, data.rows, data.cols, 1]),
    y: tf.oneHot(tf.tensor1d(labels, "int32"), data.classes) as tf.Tensor2D,
    labels,
  }));
}

/** One image's ink in [0, 1] as a plain array (for drawing it or feeding a demo). */
export function mnistImage(data: MnistData, index: number): Float32Array {
  if (!Number.isInteger(index) || index < 0 || index >= data.count) throw new RangeError(`image index ${index} is outside [0, ${data.count})`);
  const size = data.rows * data.cols;
  return Float32Array.from(data.pixels.subarray(index * size, (index + 1) * size), (v) => v / 255);
}
