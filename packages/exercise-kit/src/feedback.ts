/**
 * Student-facing wording of a tensor comparison. Hidden cases report error sizes to one
 * significant digit only, so a message can never carry an expected value precisely enough to pass.
 */
import type { Comparison } from "@course/model-kit";

const fmtIndex = (i: readonly number[]): string => (i.length === 0 ? "the scalar" : `index [${i.join(", ")}]`);

/** One significant digit: enough to say how wrong, never enough to reconstruct a value. */
export function roughNumber(x: number): string {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return String(x);
  return x.toExponential(0);
}

export function describeComparison(c: Comparison, reveal: boolean): string {
  if (c.pass || reveal || c.kind !== "values") return c.message;
  const n = c.expectedShape.reduce((a, b) => a * b, 1);
  const bad = c.badCount ?? 0;
  const where = c.firstBadIndex === undefined ? "" : `, first at ${fmtIndex(c.firstBadIndex)}`;
  return (
    `${bad} of ${n} element${n === 1 ? "" : "s"} differ beyond the tolerance${where}; ` +
    `max abs error about ${roughNumber(c.maxAbsError ?? 0)}, max rel error about ${roughNumber(c.maxRelError ?? 0)}.`
  );
}
