// Fold sizes first, then ranges with Array.from and filter.
export const kFoldIndices = (n: number, k: number) => {
  if (k < 2 || k > n) throw new RangeError("need 2 <= k <= n");
  const sizes = Array.from({ length: k }, (_, f) => Math.floor(n / k) + (f < n % k ? 1 : 0));
  const starts = sizes.map((_, f) => sizes.slice(0, f).reduce((a, b) => a + b, 0));
  const all = Array.from({ length: n }, (_, i) => i);
  return sizes.map((size, f) => ({
    train: all.filter((i) => i < starts[f]! || i >= starts[f]! + size),
    val: all.filter((i) => i >= starts[f]! && i < starts[f]! + size),
  }));
};
