import * as tf from "@tensorflow/tfjs";

/**
 * Seeded random source. Pure JS (xoshiro128** seeded through splitmix32, Box-Muller for normals),
 * so one seed gives bit-identical numbers on every backend and every machine.
 */
export interface Rng {
  readonly seed: number;
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [lo, hiExclusive). */
  int(lo: number, hiExclusive: number): number;
  normalArray(n: number, mean?: number, std?: number): Float32Array;
  uniformArray(n: number, lo?: number, hi?: number): Float32Array;
  /** float32 tensor of normals. */
  normal(shape: number[], mean?: number, std?: number): tf.Tensor;
  /** float32 tensor of uniforms in [lo, hi). */
  uniform(shape: number[], lo?: number, hi?: number): tf.Tensor;
  /** int32 tensor of integers in [lo, hiExclusive). */
  intTensor(shape: number[], lo: number, hiExclusive: number): tf.Tensor;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** Independent child stream, deterministic from (seed, label). */
  fork(label: string): Rng;
}

const TWO_POW_32 = 4294967296;

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over the UTF-16 code units of a label, mixed with a seed. */
function hashLabel(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // One splitmix round spreads the bits of short labels.
  return splitmix32(h)();
}

function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
    throw new RangeError(`seed must be a uint32 integer, got ${String(seed)}`);
  }
  return seed;
}

function checkShape(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new RangeError(`invalid shape [${shape.join(", ")}]`);
    size *= d;
  }
  return size;
}

class Xoshiro128 implements Rng {
  readonly seed: number;
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | undefined;

  constructor(seed: number) {
    this.seed = checkSeed(seed);
    const sm = splitmix32(seed);
    this.s0 = sm();
    this.s1 = sm();
    this.s2 = sm();
    this.s3 = sm();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  private nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  int(lo: number, hiExclusive: number): number {
    if (!Number.isInteger(lo) || !Number.isInteger(hiExclusive) || hiExclusive <= lo) {
      throw new RangeError(`int(lo, hiExclusive) needs integers with lo < hiExclusive, got ${lo}, ${hiExclusive}`);
    }
    const range = hiExclusive - lo;
    if (range > TWO_POW_32) throw new RangeError("int range wider than 2^32");
    // Rejection sampling: no modulo bias.
    const limit = TWO_POW_32 - (TWO_POW_32 % range);
    let u = this.nextUint32();
    while (u >= limit) u = this.nextUint32();
    return lo + (u % range);
  }

  private standardNormal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    const u1 = 1 - this.next(); // (0, 1]: log is finite
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  normalArray(n: number, mean = 0, std = 1): Float32Array {
    checkShape([n]);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = mean + std * this.standardNormal();
    return out;
  }

  uniformArray(n: number, lo = 0, hi = 1): Float32Array {
    checkShape([n]);
    if (!(hi > lo)) throw new RangeError(`uniform needs lo < hi, got ${lo}, ${hi}`);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let v = Math.fround(lo + (hi - lo) * this.next());
      // Rounding to float32 can land on hi; keep the interval half-open.
      if (v >= hi) v = Math.fround(lo);
      out[i] = v;
    }
    return out;
  }

  normal(shape: number[], mean = 0, std = 1): tf.Tensor {
    return tf.tensor(this.normalArray(checkShape(shape), mean, std), shape, "float32");
  }

  uniform(shape: number[], lo = 0, hi = 1): tf.Tensor {
    return tf.tensor(this.uniformArray(checkShape(shape), lo, hi), shape, "float32");
  }

  intTensor(shape: number[], lo: number, hiExclusive: number): tf.Tensor {
    const n = checkShape(shape);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.int(lo, hiExclusive);
    return tf.tensor(out, shape, "int32");
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  fork(label: string): Rng {
    return new Xoshiro128(hashLabel(this.seed, label));
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export function createRng(seed: number): Rng {
  return new Xoshiro128(seed);
}
