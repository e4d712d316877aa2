/**
 * An exercise's declared input domain (COURSE.md: "Inputs always lie inside the exercise's
 * domain"). A suite or case declares `domain(inputs) => true | "what is violated"`; planning
 * evaluates it on the drawn inputs and keeps the verdict in the plan, so the check can report a
 * generator that leaves the domain wherever the plan was computed.
 */
import * as tf from "@tensorflow/tfjs";

/** true when the inputs lie inside the domain, otherwise a sentence saying what is violated. */
export type DomainVerdict = true | string;
export type DomainFn<I> = (inputs: I) => DomainVerdict;

/** The first violation among several verdicts (true when there is none). */
export function allOf(...verdicts: DomainVerdict[]): DomainVerdict {
  return verdicts.find((v) => v !== true) ?? true;
}

/** `ok` or the problem. */
export function requires(ok: boolean, problem: string): DomainVerdict {
  return ok ? true : problem;
}

type Shaped = tf.Tensor | { shape: readonly number[] };

/** Every named tensor has every dimension at least 1 (no empty input). */
export function nonEmpty(tensors: Record<string, Shaped>): DomainVerdict {
  for (const [name, t] of Object.entries(tensors)) {
    if (t.shape.some((d) => d < 1)) return `${name} has an empty dimension (shape [${t.shape.join(", ")}])`;
  }
  return true;
}

/** The tensor has exactly this rank (and, where a number is given, this size on that axis). */
export function shaped(name: string, t: Shaped, shape: readonly (number | undefined)[]): DomainVerdict {
  if (t.shape.length !== shape.length) return `${name} has rank ${t.shape.length}, expected ${shape.length}`;
  for (let i = 0; i < shape.length; i++) {
    const want = shape[i];
    if (want !== undefined && t.shape[i] !== want) return `${name} has shape [${t.shape.join(", ")}], axis ${i} should be ${want}`;
  }
  return true;
}

/** An integer in [lo, hi]. */
export function intIn(name: string, value: number, lo: number, hi = Number.MAX_SAFE_INTEGER): DomainVerdict {
  return Number.isInteger(value) && value >= lo && value <= hi ? true : `${name} = ${value} is not an integer in [${lo}, ${hi === Number.MAX_SAFE_INTEGER ? "∞" : hi}]`;
}

/** A finite number in [lo, hi) (hi exclusive unless `closed`). */
export function numberIn(name: string, value: number, lo: number, hi: number, closed = false): DomainVerdict {
  const ok = Number.isFinite(value) && value >= lo && (closed ? value <= hi : value < hi);
  return ok ? true : `${name} = ${value} is outside [${lo}, ${hi}${closed ? "]" : ")"}`;
}

function valuesOf(t: tf.Tensor | readonly number[]): ArrayLike<number> {
  return t instanceof tf.Tensor ? (t.dataSync() as ArrayLike<number>) : t;
}

/** Every value is finite (no NaN or ±Inf). */
export function finite(name: string, t: tf.Tensor | readonly number[]): DomainVerdict {
  const v = valuesOf(t);
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return `${name}[${i}] = ${v[i]} is not finite`;
  return true;
}

/** Every value is an integer in [lo, hiExclusive). */
export function indicesIn(name: string, t: tf.Tensor | readonly number[], lo: number, hiExclusive: number): DomainVerdict {
  const v = valuesOf(t);
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (!Number.isInteger(x) || x < lo || x >= hiExclusive) return `${name}[${i}] = ${x} is not an integer in [${lo}, ${hiExclusive})`;
  }
  return true;
}

/** Every value lies in [lo, hi) (hi exclusive unless `closed`). */
export function valuesIn(name: string, t: tf.Tensor | readonly number[], lo: number, hi: number, closed = false): DomainVerdict {
  const v = valuesOf(t);
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (!(x >= lo && (closed ? x <= hi : x < hi))) return `${name}[${i}] = ${x} is outside [${lo}, ${hi}${closed ? "]" : ")"}`;
  }
  return true;
}

/** A sliding window (kernel or pooling window) fits inside the padded input: output at least 1. */
export function windowFits(what: string, input: number, window: number, pad = 0): DomainVerdict {
  return window >= 1 && window <= input + 2 * pad ? true : `${what}: window ${window} does not fit the padded input ${input}${pad ? ` (${input} + 2×${pad})` : ""}, so the output is empty`;
}
