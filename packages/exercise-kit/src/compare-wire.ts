/** Structural comparison of a student's Wire output with the expected Wire value. */
import { compareTensors } from "@course/model-kit";
import { comparisonFeedback, shown } from "./feedback.ts";
import { feedbackOf, type CheckResult } from "./define-tests.ts";
import { fb, fromFeedback, type Feedback, type FeedbackPart } from "./messages/feedback.ts";
import type { Kind } from "./messages/params.ts";
import type { Tolerance } from "./manifest.ts";
import type { Wire } from "./realm/types.ts";

export interface CompareOptions {
  tolerance: Tolerance;
  /** Public cases may show numbers; hidden ones never show expected values. */
  reveal: boolean;
  label?: string;
}

/** What a value is, without its content. */
export function kindOf(w: Wire): Kind {
  switch (w.t) {
    case "tensor":
      return { t: "tensor", dtype: w.dtype, shape: w.shape };
    case "array":
      return { t: "array", length: w.items.length };
    default:
      return { t: w.t };
  }
}

const result = (pass: boolean, part: FeedbackPart): CheckResult => fromFeedback(pass, [part]);

/**
 * The first mismatching elements, expected next to actual (public cases only: their expected
 * values are public). Undefined for a single value (the comparison already says all there is).
 */
function sideBySide(actual: ArrayLike<number>, expected: ArrayLike<number>, shape: readonly number[], tol: Tolerance, label: string | undefined): FeedbackPart | undefined {
  if (expected.length < 2 || actual.length !== expected.length) return undefined;
  const items: { index: number[]; expected: string; actual: string }[] = [];
  for (let i = 0; i < expected.length && items.length < 3; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Math.abs(a - e) <= tol.atol + tol.rtol * Math.abs(e)) continue;
    const index: number[] = [];
    let rest = i;
    for (let k = shape.length - 1; k >= 0; k--) {
      index.unshift(rest % shape[k]!);
      rest = Math.floor(rest / shape[k]!);
    }
    items.push({ index, expected: shown(e), actual: shown(a) });
  }
  return items.length === 0 ? undefined : fb("compare.sideBySide", { items }, label);
}

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
      if (s === undefined) return result(false, fb("wire.wantNumberItem", { got: kindOf(item) }, opts.label));
      values.push(s);
    }
  } else if (actual.t === "tensor" && actual.shape.length === 1 && actual.dtype !== "bool") {
    values = Array.from(actual.data);
  } else {
    return result(false, fb("wire.wantNumbers", { n: expected.length, got: kindOf(actual) }, opts.label));
  }
  const c = compareTensors({ shape: [values.length], values }, { shape: [expected.length], values: expected }, opts.tolerance);
  return result(c.pass, comparisonFeedback(c, opts.reveal, opts.label));
}

export function compareWire(actual: Wire, expected: Wire, opts: CompareOptions): CheckResult {
  const label = opts.label;
  switch (expected.t) {
    case "tensor": {
      if (actual.t !== "tensor") {
        const s = asScalar(actual);
        if (!(s !== undefined && expected.shape.length === 0 && expected.dtype === "float32")) {
          return result(false, fb("wire.wantTensor", { dtype: expected.dtype, shape: expected.shape, got: kindOf(actual) }, label));
        }
        actual = { t: "tensor", dtype: "float32", shape: [], data: Float32Array.of(s) };
      }
      if (actual.dtype !== expected.dtype) {
        return result(false, fb("wire.wantDtype", { dtype: expected.dtype, got: actual.dtype }, label));
      }
      const c = compareTensors(
        { shape: actual.shape, values: actual.data, dtype: actual.dtype },
        { shape: expected.shape, values: expected.data, dtype: expected.dtype },
        opts.tolerance,
      );
      const side = opts.reveal && c.kind === "values" ? sideBySide(actual.data, expected.data, expected.shape, opts.tolerance, label) : undefined;
      return fromFeedback(c.pass, side === undefined ? [comparisonFeedback(c, opts.reveal, label)] : [comparisonFeedback(c, opts.reveal, label), side]);
    }
    case "number": {
      const s = asScalar(actual);
      if (s === undefined) return result(false, fb("wire.wantNumber", { got: kindOf(actual) }, label));
      const c = compareTensors({ shape: [], values: [s] }, { shape: [], values: [expected.v] }, opts.tolerance);
      return result(c.pass, comparisonFeedback(c, opts.reveal, label));
    }
    case "array": {
      if (expected.items.every((i) => i.t === "number")) {
        return compareScalarVector(actual, expected.items.map((i) => (i as { v: number }).v), opts);
      }
      if (actual.t !== "array") return result(false, fb("wire.wantArray", { n: expected.items.length, got: kindOf(actual) }, label));
      if (actual.items.length !== expected.items.length) {
        return result(false, fb("wire.arrayLength", { n: expected.items.length, got: actual.items.length }, label));
      }
      const base = opts.label ?? "";
      for (let i = 0; i < expected.items.length; i++) {
        const r = compareWire(actual.items[i]!, expected.items[i]!, { ...opts, label: `${base}[${i}]` });
        if (!r.pass) return r;
      }
      return result(true, fb("wire.allItemsMatch", { n: expected.items.length }, label));
    }
    case "object": {
      if (actual.t !== "object") return result(false, fb("wire.wantObject", { keys: Object.keys(expected.entries), got: kindOf(actual) }, label));
      const failures: Feedback = [];
      for (const [k, e] of Object.entries(expected.entries)) {
        const fieldLabel = opts.label ? `${opts.label}.${k}` : k;
        const a = Object.hasOwn(actual.entries, k) ? actual.entries[k] : undefined;
        if (a === undefined) {
          failures.push(fb("wire.missing", {}, fieldLabel));
          continue;
        }
        const r = compareWire(a, e, { ...opts, label: fieldLabel });
        if (!r.pass) failures.push(...feedbackOf(r));
      }
      return failures.length > 0 ? fromFeedback(false, failures) : result(true, fb("wire.allFieldsMatch", {}, label));
    }
    default: {
      const same = actual.t === expected.t && (!("v" in expected) || ("v" in actual && actual.v === expected.v));
      if (same) return result(true, fb("wire.matches", {}, label));
      if (actual.t !== expected.t) return result(false, fb("wire.wantKind", { want: kindOf(expected), got: kindOf(actual) }, label));
      return result(
        false,
        opts.reveal && "v" in expected
          ? fb("wire.gotWanted", { got: String((actual as { v: unknown }).v), want: String(expected.v) }, label)
          : fb("wire.wrongValue", {}, label),
      );
    }
  }
}
