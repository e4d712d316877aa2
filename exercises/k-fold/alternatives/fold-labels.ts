// Style: label every example with its fold in one pass (a counter that moves on when a fold is full), then bucket with a while loop.
export function kFoldIndices(n: number, k: number): Array<{ train: number[]; val: number[] }> {
  if (!(k >= 2) || !(k <= n)) {
    throw new RangeError("k must satisfy 2 <= k <= n");
  }
  const foldOf: number[] = [];
  let fold = 0;
  let filled = 0;
  for (let i = 0; i < n; i++) {
    const capacity = (n - (n % k)) / k + (fold < n % k ? 1 : 0);
    if (filled === capacity) {
      fold += 1;
      filled = 0;
    }
    foldOf.push(fold);
    filled += 1;
  }
  const result: Array<{ train: number[]; val: number[] }> = [];
  let f = 0;
  while (f < k) {
    const val: number[] = [];
    const train: number[] = [];
    foldOf.forEach((g, i) => (g === f ? val : train).push(i));
    result.push({ train, val });
    f++;
  }
  return result;
}
