// A student's mistake: never rejects an impossible k.
// expect: mutant.no-range-check
/** Contiguous folds in order; the first n % k folds are one longer. */
export function kFoldIndices(n: number, k: number): { train: number[]; val: number[] }[] {
  const base = Math.floor(n / k);
  const extra = n % k;
  const folds: { train: number[]; val: number[] }[] = [];
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = base + (f < extra ? 1 : 0);
    const val: number[] = [];
    const train: number[] = [];
    for (let i = 0; i < n; i++) (i >= start && i < start + size ? val : train).push(i);
    folds.push({ train, val });
    start += size;
  }
  return folds;
}
