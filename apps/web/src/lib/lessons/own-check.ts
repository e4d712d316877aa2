/**
 * How a demo tells the reader what their own code did: computed in the worker by comparing the
 * reader's output with the reference's on the same inputs, shown by the page (DemoShell).
 */
export interface OwnCheck {
  exercise: string;
  /** Largest absolute difference from the reference over the compared values. */
  maxError: number;
  /** False when the reader's output held NaN or ±Infinity where the reference's did not. */
  finite: boolean;
  ok: boolean;
  /** Where the largest difference is, in the demo's terms ("at x = 2.5"). */
  where?: string;
}

/** Compares two equally long arrays; `label(i)` names position i for the reader. */
export function compareOutputs(exercise: string, yours: ArrayLike<number>, reference: ArrayLike<number>, label: (i: number) => string, tolerance = 1e-3): OwnCheck {
  let maxError = 0;
  let worst = -1;
  let finite = true;
  let firstBad = -1;
  for (let i = 0; i < reference.length; i++) {
    const a = yours[i] ?? Number.NaN;
    const b = reference[i] ?? Number.NaN;
    if (!Number.isFinite(a) && Number.isFinite(b)) {
      if (finite) firstBad = i;
      finite = false;
      continue;
    }
    const err = Math.abs(a - b);
    if (err > maxError) {
      maxError = err;
      worst = i;
    }
  }
  if (yours.length !== reference.length) return { exercise, maxError: Number.POSITIVE_INFINITY, finite, ok: false, where: `${yours.length} values instead of ${reference.length}` };
  const where = !finite ? label(firstBad) : worst >= 0 ? label(worst) : undefined;
  return { exercise, maxError, finite, ok: finite && maxError <= tolerance * (1 + Math.max(...Array.from(reference, Math.abs), 0)), ...(where === undefined ? {} : { where }) };
}
