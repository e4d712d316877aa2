/**
 * Student-facing wording of a tensor comparison. Hidden cases report error sizes as an order of
 * magnitude only (a power of ten), so a message never carries an expected value: outputting zeros
 * and reading "max abs error" back must not reveal the answer of a fixed edge case. The structured
 * form carries only what the message shows (hidden: the powers of ten, never the errors).
 */
import type { Comparison } from "@course/model-kit";
import { fb, renderPart, type FeedbackPart } from "./messages/feedback.ts";

/** The power of ten at or below |x|: says how wrong, never what the value was. */
export function roughNumber(x: number): string {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return String(x);
  return `1e${Math.floor(Math.log10(Math.abs(x)) + 1e-12)}`;
}

/** compareTensors' number format (its messages are rebuilt from the comparison's fields). */
export const shown = (x: number): string => (x === 0 ? "0" : Math.abs(x) >= 1e-3 && Math.abs(x) < 1e4 ? x.toPrecision(4) : x.toExponential(3));

const size = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** compareTensors' own message, as structured feedback (public cases, and failures that show no values). */
function fullComparison(c: Comparison, label?: string): FeedbackPart {
  if (c.malformed !== undefined) return fb("compare.malformed", { error: c.malformed, expected: c.expectedShape }, label);
  switch (c.kind) {
    case "shape":
      return fb("compare.shape", { actual: c.actualShape, expected: c.expectedShape }, label);
    case "nonfinite": {
      const nf = c.nonFinite ?? { nan: 0, inf: 0, firstIndex: [] };
      return fb("compare.nonfinite", { nan: nf.nan, inf: nf.inf, index: nf.firstIndex }, label);
    }
    case "values":
      return fb(
        "compare.values",
        {
          bad: c.badCount ?? 0,
          n: size(c.expectedShape),
          atol: shown(c.tolerance.atol),
          rtol: shown(c.tolerance.rtol),
          index: c.firstBadIndex ?? [],
          maxAbs: shown(c.maxAbsError ?? 0),
          ...(c.relErrorUndefined?.all === true ? {} : { maxRel: shown(c.maxRelError ?? 0) }),
          ...(c.relErrorUndefined === undefined ? {} : { relUndefined: c.relErrorUndefined.count }),
        },
        label,
      );
    case "ok":
      return fb("compare.ok", { n: size(c.expectedShape), maxAbs: shown(c.maxAbsError ?? 0) }, label);
  }
}

export function comparisonFeedback(c: Comparison, reveal: boolean, label?: string): FeedbackPart {
  const n = size(c.expectedShape);
  if (c.pass && !reveal) return fb("compare.okHidden", { n }, label);
  if (c.pass || reveal || c.kind !== "values") return fullComparison(c, label);
  return fb(
    "compare.valuesHidden",
    {
      bad: c.badCount ?? 0,
      n,
      ...(c.firstBadIndex === undefined ? {} : { index: c.firstBadIndex }),
      maxAbs: roughNumber(c.maxAbsError ?? 0),
      // Only the absolute error where no failing element has a relative one (an expected 0).
      ...(c.relErrorUndefined?.all === true ? {} : { maxRel: roughNumber(c.maxRelError ?? 0) }),
      ...(c.relErrorUndefined === undefined || c.relErrorUndefined.all ? {} : { relPartial: true as const }),
    },
    label,
  );
}

export function describeComparison(c: Comparison, reveal: boolean): string {
  return renderPart(comparisonFeedback(c, reveal), "en");
}
