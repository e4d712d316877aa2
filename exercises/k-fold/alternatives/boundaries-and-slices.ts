// Style: closed-form fold starts f·⌊n/k⌋ + min(f, n mod k), slices of one index array, train = concat of the two sides.
export function kFoldIndices(n: number, k: number) {
  if (k <= 1 || n < k) throw new RangeError(`cannot make ${k} folds of ${n} examples`);
  const indices = [...Array(n).keys()];
  const q = Math.floor(n / k);
  const r = n % k;
  const start = (f: number) => f * q + Math.min(f, r);
  const folds = [];
  for (let f = 0; f < k; f++) {
    const [a, b] = [start(f), start(f + 1)];
    folds.push({ train: indices.slice(0, a).concat(indices.slice(b)), val: indices.slice(a, b) });
  }
  return folds;
}
