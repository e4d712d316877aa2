import * as tf from "@tensorflow/tfjs";
import { inputSaliency } from "../reference/blocks.ts";
import { createRng } from "../rng.ts";

/**
 * Looking inside the lesson-5 CNN: what a drawn digit becomes before the model reads it, each
 * layer's feature maps, and two explanations of a prediction (lesson 12). Images are 28×28 ink
 * values in [0, 1], row-major (784 numbers).
 */
export const SIDE = 28;
const PIXELS = SIDE * SIDE;

function checkImage(image: ArrayLike<number>): void {
  if (image.length !== PIXELS) throw new RangeError(`an image has ${PIXELS} values (28×28), got ${image.length}`);
}

/**
 * A drawing (ink in [0, 1], any size) prepared the way MNIST digits were: the ink's bounding box
 * scaled to fit 20×20 (aspect kept, box-averaged), then placed so its centre of mass is the
 * centre of the 28×28 image. An empty drawing gives an empty image.
 */
export function normalizeDrawing(ink: ArrayLike<number>, width: number, height: number): Float32Array {
  if (ink.length !== width * height) throw new RangeError(`${ink.length} values for a ${width}×${height} drawing`);
  let top = height, left = width, bottom = -1, right = -1;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if ((ink[r * width + c] as number) > 0.05) {
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
  }
  const out = new Float32Array(PIXELS);
  if (bottom < 0) return out;
  const boxH = bottom - top + 1;
  const boxW = right - left + 1;
  const scale = 20 / Math.max(boxH, boxW);
  const h = Math.max(1, Math.round(boxH * scale));
  const w = Math.max(1, Math.round(boxW * scale));
  // Box-average each target pixel over the source area it covers.
  const small = new Float32Array(h * w);
  for (let r = 0; r < h; r++) {
    const r0 = top + (r * boxH) / h, r1 = top + ((r + 1) * boxH) / h;
    for (let c = 0; c < w; c++) {
      const c0 = left + (c * boxW) / w, c1 = left + ((c + 1) * boxW) / w;
      let sum = 0, area = 0;
      for (let sr = Math.floor(r0); sr < Math.ceil(r1); sr++) {
        const wr = Math.min(r1, sr + 1) - Math.max(r0, sr);
        for (let sc = Math.floor(c0); sc < Math.ceil(c1); sc++) {
          const wc = Math.min(c1, sc + 1) - Math.max(c0, sc);
          sum += wr * wc * (ink[sr * width + sc] as number);
          area += wr * wc;
        }
      }
      small[r * w + c] = Math.min(1, sum / area);
    }
  }
  let mass = 0, cy = 0, cx = 0;
  small.forEach((v, i) => {
    mass += v;
    cy += v * Math.floor(i / w);
    cx += v * (i % w);
  });
  const offR = Math.round(SIDE / 2 - (mass > 0 ? cy / mass : h / 2) - 0.5);
  const offC = Math.round(SIDE / 2 - (mass > 0 ? cx / mass : w / 2) - 0.5);
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      const tr = r + offR, tc = c + offC;
      if (tr >= 0 && tr < SIDE && tc >= 0 && tc < SIDE) out[tr * SIDE + tc] = small[r * w + c] as number;
    }
  }
  return out;
}

/** One layer's activations for one image: channel-last [height, width, channels], values row-major. */
export interface FeatureMap {
  layer: string;
  shape: [number, number, number];
  values: number[];
}

/** Class probabilities of one image. */
export function predictImage(model: tf.LayersModel, image: ArrayLike<number>): number[] {
  checkImage(image);
  return tf.tidy(() => Array.from((model.predict(tf.tensor4d(Array.from(image), [1, SIDE, SIDE, 1])) as tf.Tensor).dataSync()));
}

/** The activations of the named convolution and pooling layers (and the probabilities) for one image. */
export function featureMaps(model: tf.LayersModel, image: ArrayLike<number>, layers: readonly string[]): { maps: FeatureMap[]; probabilities: number[] } {
  checkImage(image);
  return tf.tidy(() => {
    const outputs = layers.map((name) => model.getLayer(name).output as tf.SymbolicTensor);
    const probe = tf.model({ inputs: model.inputs, outputs: [...outputs, model.outputs[0] as tf.SymbolicTensor] });
    const results = probe.predict(tf.tensor4d(Array.from(image), [1, SIDE, SIDE, 1])) as tf.Tensor[];
    const maps = layers.map((layer, i) => {
      const t = results[i] as tf.Tensor;
      const [, h, w, c] = t.shape as [number, number, number, number];
      return { layer, shape: [h, w, c] as [number, number, number], values: Array.from(t.dataSync()) };
    });
    return { maps, probabilities: Array.from((results[layers.length] as tf.Tensor).dataSync()) };
  });
}

/**
 * Saliency: |∂ p(class) / ∂ pixel| for one image (the course's inputSaliency exercise, applied to
 * the CNN), 784 values.
 */
export function saliencyMap(model: tf.LayersModel, image: ArrayLike<number>, classIndex: number): number[] {
  checkImage(image);
  return tf.tidy(() => {
    const score = (x: tf.Tensor2D) => tf.squeeze(tf.slice(model.apply(tf.reshape(x, [-1, SIDE, SIDE, 1])) as tf.Tensor2D, [0, classIndex], [-1, 1]), [1]) as tf.Tensor1D;
    return Array.from(inputSaliency(score, tf.tensor2d(Array.from(image), [1, PIXELS])).dataSync());
  });
}

/**
 * Occlusion: how much p(class) drops when a patch×patch square is blanked, averaged over every
 * placement (stride 1) covering each pixel; 784 values, positive where the evidence is.
 */
export function occlusionMap(model: tf.LayersModel, image: ArrayLike<number>, classIndex: number, patch = 5): number[] {
  checkImage(image);
  const places = SIDE - patch + 1;
  const batch = new Float32Array(places * places * PIXELS);
  for (let pr = 0; pr < places; pr++) {
    for (let pc = 0; pc < places; pc++) {
      const at = (pr * places + pc) * PIXELS;
      for (let i = 0; i < PIXELS; i++) batch[at + i] = image[i] as number;
      for (let r = pr; r < pr + patch; r++) for (let c = pc; c < pc + patch; c++) batch[at + r * SIDE + c] = 0;
    }
  }
  const base = predictImage(model, image)[classIndex] as number;
  const probs = tf.tidy(() => (model.predict(tf.tensor4d(batch, [places * places, SIDE, SIDE, 1])) as tf.Tensor2D).slice([0, classIndex], [-1, 1]).dataSync());
  const sum = new Float64Array(PIXELS);
  const count = new Float64Array(PIXELS);
  for (let pr = 0; pr < places; pr++) {
    for (let pc = 0; pc < places; pc++) {
      const drop = base - (probs[pr * places + pc] as number);
      for (let r = pr; r < pr + patch; r++) {
        for (let c = pc; c < pc + patch; c++) {
          sum[r * SIDE + c] = (sum[r * SIDE + c] as number) + drop;
          count[r * SIDE + c] = (count[r * SIDE + c] as number) + 1;
        }
      }
    }
  }
  return Array.from(sum, (s, i) => s / (count[i] as number));
}

/** Solves (A + λI) w = b in float64 by Gaussian elimination with partial pivoting. */
function ridgeSolve(a: Float64Array[], b: Float64Array, lambda: number): Float64Array {
  const n = b.length;
  const m = a.map((row, i) => {
    const r = Float64Array.from(row);
    r[i] = (r[i] as number) + lambda;
    return r;
  });
  const v = Float64Array.from(b);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r]![col]!) > Math.abs(m[pivot]![col]!)) pivot = r;
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    [v[col], v[pivot]] = [v[pivot]!, v[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = m[r]![col]! / m[col]![col]!;
      for (let c = col; c < n; c++) m[r]![c] = m[r]![c]! - f * m[col]![c]!;
      v[r] = v[r]! - f * v[col]!;
    }
  }
  const w = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = v[r]!;
    for (let c = r + 1; c < n; c++) s -= m[r]![c]! * w[c]!;
    w[r] = s / m[r]![r]!;
  }
  return w;
}

export interface LimeOptions {
  /** Side of a square super-pixel (28 must be a multiple): 4 gives a 7×7 grid. */
  cell?: number;
  samples?: number;
  seed?: number;
}

/**
 * A LIME-style explanation: blank random halves of the super-pixels, watch p(class), and fit a
 * locally weighted linear model (weights exp(-d²/0.25²), d = share of super-pixels blanked, ridge
 * 1e-3). Returns one weight per super-pixel (row-major grid) and the same spread over 784 pixels.
 */
export function limeExplanation(model: tf.LayersModel, image: ArrayLike<number>, classIndex: number, options: LimeOptions = {}): { grid: number; weights: number[]; pixels: number[] } {
  checkImage(image);
  const cell = options.cell ?? 4;
  const samples = options.samples ?? 300;
  if (SIDE % cell !== 0) throw new RangeError(`cell ${cell} does not divide ${SIDE}`);
  const grid = SIDE / cell;
  const features = grid * grid;
  const rng = createRng(options.seed ?? 1);
  const masks: Uint8Array[] = [Uint8Array.from({ length: features }, () => 1)]; // the image itself
  for (let s = 1; s < samples; s++) masks.push(Uint8Array.from({ length: features }, () => (rng.next() < 0.5 ? 0 : 1)));
  const batch = new Float32Array(samples * PIXELS);
  masks.forEach((mask, s) => {
    for (let i = 0; i < PIXELS; i++) {
      const f = Math.floor(Math.floor(i / SIDE) / cell) * grid + Math.floor((i % SIDE) / cell);
      batch[s * PIXELS + i] = mask[f] === 1 ? (image[i] as number) : 0;
    }
  });
  const probs = tf.tidy(() => (model.predict(tf.tensor4d(batch, [samples, SIDE, SIDE, 1])) as tf.Tensor2D).slice([0, classIndex], [-1, 1]).dataSync());
  // Weighted least squares with an intercept: unknowns [w_0 … w_{F-1}, b].
  const n = features + 1;
  const ata = Array.from({ length: n }, () => new Float64Array(n));
  const atb = new Float64Array(n);
  masks.forEach((mask, s) => {
    const removed = mask.reduce((k, m) => k + (m === 0 ? 1 : 0), 0) / features;
    const weight = Math.exp(-(removed * removed) / (0.25 * 0.25));
    const row = [...mask, 1];
    for (let i = 0; i < n; i++) {
      atb[i] = atb[i]! + weight * row[i]! * probs[s]!;
      for (let j = 0; j < n; j++) ata[i]![j] = ata[i]![j]! + weight * row[i]! * row[j]!;
    }
  });
  const w = ridgeSolve(ata, atb, 1e-3);
  const weights = Array.from(w.subarray(0, features));
  const pixels = Array.from({ length: PIXELS }, (_, i) => weights[Math.floor(Math.floor(i / SIDE) / cell) * grid + Math.floor((i % SIDE) / cell)] as number);
  return { grid, weights, pixels };
}
