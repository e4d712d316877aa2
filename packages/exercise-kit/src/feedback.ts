/**
 * Student-facing wording of a tensor comparison. Hidden cases report error sizes as an order of
 * magnitude only (a power of ten), so a message never carries an expected value: outputting zeros
 * and reading "max abs error" back must not reveal the answer of a fixed edge case.
 */
import type { Comparison } from "@course/model-kit";

const fmtIndex = (i: readonly number[]): string => (i.length === 0 ? "the scalar" : `index [${i.join(", ")}]`);

/** The power of ten at or below |x|: says how wrong, never what the value was. */
export function roughNumber(x: number): string {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return String(x);
  return `1e${Math.floor(Math.log10(Math.abs(x)) + 1e-12)}`;
}

export function describeComparison(c: Comparison, reveal: boolean): string {
  const n = c.expectedShape.reduce((a, b) => a * b, 1);
  if (c.pass && !reveal) return `All ${n} element${n === 1 ? "" : "s"} match within the tolerance.`;
  if (c.pass || reveal || c.kind !== "values") return c.message;
  const bad = c.badCount ?? 0;
  const where = c.firstBadIndex === undefined ? "" : `, first at ${fmtIndex(c.firstBadIndex)}`;
  return (
    `${bad} of ${n} element${n === 1 ? "" : "s"} differ beyond the tolerance${where}; ` +
    `max abs error on the order of ${roughNumber(c.maxAbsError ?? 0)}, max rel error on the order of ${roughNumber(c.maxRelError ?? 0)}.`
  );
}
