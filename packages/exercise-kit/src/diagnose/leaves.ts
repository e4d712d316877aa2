/**
 * The numeric leaves of an output and of its expected value, walked in parallel: each pair of
 * tensors (or numbers, or rectangular arrays of numbers) with the label compareWire gives it.
 */
import type { Wire } from "../realm/types.ts";

export interface Values {
  shape: number[];
  data: Float64Array;
}

export interface Leaf {
  label: string | undefined;
  actual: Values;
  expected: Values;
  /** A single number: relations between two numbers prove little on their own. */
  scalar: boolean;
}

const join = (base: string | undefined, part: string): string => (base === undefined || base === "" ? part : `${base}${part.startsWith("[") ? "" : "."}${part}`);

/** A Wire value as numbers with a shape, when it is one (tensors, numbers, rectangular number arrays). */
export function valuesOf(w: Wire): Values | undefined {
  switch (w.t) {
    case "tensor":
      return w.dtype === "bool" ? undefined : { shape: [...w.shape], data: Float64Array.from(w.data) };
    case "number":
      return { shape: [], data: Float64Array.of(w.v) };
    case "array": {
      if (w.items.length === 0) return undefined;
      if (w.items.every((i) => i.t === "number")) return { shape: [w.items.length], data: Float64Array.from(w.items, (i) => (i as { v: number }).v) };
      const rows = w.items.map(valuesOf);
      const first = rows[0];
      if (first === undefined || first.shape.length !== 1) return undefined;
      if (!rows.every((r) => r !== undefined && r.shape.length === 1 && r.shape[0] === first.shape[0])) return undefined;
      const data = new Float64Array(rows.length * first.data.length);
      rows.forEach((r, i) => data.set(r!.data, i * first.data.length));
      return { shape: [rows.length, first.shape[0]!], data };
    }
    default:
      return undefined;
  }
}

export function numericLeaves(actual: Wire, expected: Wire, label?: string): Leaf[] {
  const e = valuesOf(expected);
  if (e !== undefined) {
    const a = valuesOf(actual);
    return a === undefined ? [] : [{ label, actual: a, expected: e, scalar: e.data.length === 1 && a.data.length === 1 }];
  }
  if (expected.t === "array" && actual.t === "array" && actual.items.length === expected.items.length) {
    return expected.items.flatMap((item, i) => numericLeaves(actual.items[i]!, item, join(label, `[${i}]`)));
  }
  if (expected.t === "object" && actual.t === "object") {
    return Object.entries(expected.entries).flatMap(([k, v]) => (Object.hasOwn(actual.entries, k) ? numericLeaves(actual.entries[k]!, v, join(label, k)) : []));
  }
  return [];
}

/** Every tensor shape among a case's inputs (as checks see them: tensors are WireTensor). */
export function inputShapes(inputs: unknown, out: number[][] = [], depth = 0): number[][] {
  if (depth > 8 || inputs === null || typeof inputs !== "object") return out;
  const t = inputs as Partial<Wire>;
  if (t.t === "tensor" && Array.isArray((inputs as { shape?: unknown }).shape)) {
    out.push([...(inputs as { shape: number[] }).shape]);
    return out;
  }
  for (const v of Array.isArray(inputs) ? inputs : Object.values(inputs)) inputShapes(v, out, depth + 1);
  return out;
}

/** The largest magnitude among a case's numeric inputs (tensors and plain numbers). */
export function inputMagnitude(inputs: unknown, depth = 0): number {
  if (typeof inputs === "number") return Number.isFinite(inputs) ? Math.abs(inputs) : 0;
  if (depth > 8 || inputs === null || typeof inputs !== "object") return 0;
  if ((inputs as Partial<Wire>).t === "tensor") {
    const data = (inputs as { data: ArrayLike<number> }).data;
    let m = 0;
    for (let i = 0; i < data.length; i++) if (Number.isFinite(data[i]!)) m = Math.max(m, Math.abs(data[i]!));
    return m;
  }
  let m = 0;
  for (const v of Array.isArray(inputs) ? inputs : Object.values(inputs)) m = Math.max(m, inputMagnitude(v, depth + 1));
  return m;
}

/** Whether some input tensor of rank >= 2 has a row or a column whose values are all equal. */
export function hasConstantSlice(inputs: unknown, depth = 0): boolean {
  if (depth > 8 || inputs === null || typeof inputs !== "object") return false;
  if ((inputs as Partial<Wire>).t === "tensor") {
    const { shape, data } = inputs as { shape: number[]; data: ArrayLike<number> };
    if (shape.length < 2) return false;
    const c = shape[shape.length - 1]!;
    const r = shape[shape.length - 2]!;
    const blocks = data.length / (r * c);
    for (let b = 0; b < blocks; b++) {
      const at = (i: number, j: number): number => data[b * r * c + i * c + j]!;
      for (let i = 0; i < r && c > 1; i++) {
        let same = true;
        for (let j = 1; j < c && same; j++) same = at(i, j) === at(i, 0);
        if (same) return true;
      }
      for (let j = 0; j < c && r > 1; j++) {
        let same = true;
        for (let i = 1; i < r && same; i++) same = at(i, j) === at(0, j);
        if (same) return true;
      }
    }
    return false;
  }
  return (Array.isArray(inputs) ? inputs : Object.values(inputs)).some((v) => hasConstantSlice(v, depth + 1));
}
