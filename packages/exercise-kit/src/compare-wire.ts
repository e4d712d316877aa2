/** Structural comparison of a student's Wire output with the expected Wire value. */
import { compareTensors } from "@course/model-kit";
import { describeComparison } from "./feedback.ts";
import type { CheckResult } from "./define-tests.ts";
import type { Tolerance } from "./manifest.ts";
import type { Wire } from "./realm/types.ts";

export interface CompareOptions {
  tolerance: Tolerance;
  /** Public cases may show numbers; hidden ones never show expected values. */
  reveal: boolean;
  label?: string;
}

const describeKind = (w: Wire): string => {
  switch (w.t) {
    case "tensor":
      return `a ${w.dtype} tensor of shape [${w.shape.join(", ")}]`;
    case "number":
      return "a number";
    case "array":
      return `an array of ${w.items.length}`;
    case "object":
      return "an object";
    default:
      return w.t === "null" || w.t === "undefined" ? w.t : `a ${w.t}`;
  }
};

const prefix = (label: string | undefined): string => (label === undefined || label === "" ? "" : `${label}: `);

/** A number, or a tensor holding exactly one value, as a number; undefined otherwise. */
function asScalar(w: Wire): number | undefined {
  if (w.t === "number") return w.v;
  if (w.t === "tensor" && w.data.length === 1 && w.shape.length <= 1 && w.dtype !== "bool") return w.data[0];
  return undefined;
}

function compareScalarVector(actual: Wire, expected: number[], opts: CompareOptions): CheckResult {
  let values: number[] | undefined;
  if (actual.t === "array") {
    values = [];
    for (const item of actual.items) {
      const s = asScalar(item);
      if (s === undefined) return { pass: false, message: `${prefix(opts.label)}wanted an array of numbers, got an item that is ${describeKind(item)}.` };
      values.push(s);
    }
  } else if (actual.t === "tensor" && actual.shape.length === 1 && actual.dtype !== "bool") {
    values = Array.from(actual.data);
  } else {
    return { pass: false, message: `${prefix(opts.label)}wanted an array of ${expected.length} numbers, got ${describeKind(actual)}.` };
  }
  const c = compareTensors({ shape: [values.length], values }, { shape: [expected.length], values: expected }, opts.tolerance);
  return { pass: c.pass, message: prefix(opts.label) + describeComparison(c, opts.reveal) };
}

export function compareWire(actual: Wire, expected: Wire, opts: CompareOptions): CheckResult {
  const p = prefix(opts.label);
  switch (expected.t) {
    case "tensor": {
      if (actual.t !== "tensor") {
        const s = asScalar(actual);
        if (!(s !== undefined && expected.shape.length === 0 && expected.dtype === "float32")) {
          return { pass: false, message: `${p}wanted a ${expected.dtype} tensor of shape [${expected.shape.join(", ")}], got ${describeKind(actual)}.` };
        }
        actual = { t: "tensor", dtype: "float32", shape: [], data: Float32Array.of(s) };
      }
      if (actual.dtype !== expected.dtype) {
        return { pass: false, message: `${p}wanted a ${expected.dtype} tensor, got a ${actual.dtype} tensor.` };
      }
      const c = compareTensors(
        { shape: actual.shape, values: actual.data, dtype: actual.dtype },
        { shape: expected.shape, values: expected.data, dtype: expected.dtype },
        opts.tolerance,
      );
      return { pass: c.pass, message: p + describeComparison(c, opts.reveal) };
    }
    case "number": {
      const s = asScalar(actual);
      if (s === undefined) return { pass: false, message: `${p}wanted a number (or a scalar tensor), got ${describeKind(actual)}.` };
      const c = compareTensors({ shape: [], values: [s] }, { shape: [], values: [expected.v] }, opts.tolerance);
      return { pass: c.pass, message: p + describeComparison(c, opts.reveal) };
    }
    case "array": {
      if (expected.items.every((i) => i.t === "number")) {
        return compareScalarVector(actual, expected.items.map((i) => (i as { v: number }).v), opts);
      }
      if (actual.t !== "array") return { pass: false, message: `${p}wanted an array of ${expected.items.length}, got ${describeKind(actual)}.` };
      if (actual.items.length !== expected.items.length) {
        return { pass: false, message: `${p}wanted an array of ${expected.items.length} items, got ${actual.items.length}.` };
      }
      const label = opts.label ?? "";
      for (let i = 0; i < expected.items.length; i++) {
        const r = compareWire(actual.items[i]!, expected.items[i]!, { ...opts, label: `${label}[${i}]` });
        if (!r.pass) return r;
      }
      return { pass: true, message: `${p}all ${expected.items.length} items match.` };
    }
    case "object": {
      if (actual.t !== "object") return { pass: false, message: `${p}wanted an object with ${Object.keys(expected.entries).join(", ")}, got ${describeKind(actual)}.` };
      const failures: string[] = [];
      for (const [k, e] of Object.entries(expected.entries)) {
        const label = opts.label ? `${opts.label}.${k}` : k;
        const a = Object.hasOwn(actual.entries, k) ? actual.entries[k] : undefined;
        if (a === undefined) {
          failures.push(`${label}: missing from your result.`);
          continue;
        }
        const r = compareWire(a, e, { ...opts, label });
        if (!r.pass) failures.push(r.message);
      }
      return failures.length > 0 ? { pass: false, message: failures.join(" ") } : { pass: true, message: `${p}all fields match.` };
    }
    default: {
      const same = actual.t === expected.t && (!("v" in expected) || ("v" in actual && actual.v === expected.v));
      if (same) return { pass: true, message: `${p}matches.` };
      if (actual.t !== expected.t) return { pass: false, message: `${p}wanted ${describeKind(expected)}, got ${describeKind(actual)}.` };
      return { pass: false, message: opts.reveal && "v" in expected ? `${p}got ${String((actual as { v: unknown }).v)}, wanted ${String(expected.v)}.` : `${p}wrong value.` };
    }
  }
}
