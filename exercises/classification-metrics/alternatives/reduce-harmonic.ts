// Style: counts with reduce into a keyed Map, F1 as the harmonic mean 2 / (1/P + 1/R) (1/0 = Infinity gives 0).
export const confusionMatrix = (yTrue: number[], yPred: number[], numClasses: number): number[][] => {
  if (yTrue.length !== yPred.length) throw new RangeError("length mismatch");
  const inRange = (l: number) => Number.isInteger(l) && 0 <= l && l < numClasses;
  if (yTrue.some((l) => !inRange(l)) || yPred.some((l) => !inRange(l))) throw new RangeError("label out of range");
  const counts = yTrue.reduce((acc, t, i) => acc.set(`${t},${yPred[i]}`, (acc.get(`${t},${yPred[i]}`) ?? 0) + 1), new Map<string, number>());
  return [...Array(numClasses)].map((_, t) => [...Array(numClasses)].map((_, p) => counts.get(`${t},${p}`) ?? 0));
};

export const precisionRecallF1 = (yTrue: number[], yPred: number[], positive: number) => {
  if (yTrue.length !== yPred.length) throw new RangeError("length mismatch");
  const { tp, fp, fn } = yTrue.reduce(
    (c, t, i) => ({
      tp: c.tp + Number(t === positive && yPred[i] === positive),
      fp: c.fp + Number(t !== positive && yPred[i] === positive),
      fn: c.fn + Number(t === positive && yPred[i] !== positive),
    }),
    { tp: 0, fp: 0, fn: 0 },
  );
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision > 0 && recall > 0 ? 2 / (1 / precision + 1 / recall) : 0;
  return { precision, recall, f1 };
};
