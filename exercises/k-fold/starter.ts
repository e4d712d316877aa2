/** Contiguous folds in order; the first n % k folds are one longer. */
export function kFoldIndices(n: number, k: number): { train: number[]; val: number[] }[] {
  // TODO
  void n;
  void k;
  return [];
}
