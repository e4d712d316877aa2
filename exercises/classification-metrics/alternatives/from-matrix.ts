// Precision and recall read off the confusion matrix's column and row of the positive class;
// F1 as 2TP / (2TP + FP + FN).
export function confusionMatrix(yTrue: number[], yPred: number[], numClasses: number) {
  if (yTrue.length !== yPred.length) throw new RangeError("length mismatch");
  const ok = (v: number) => Number.isInteger(v) && v >= 0 && v < numClasses;
  if (!yTrue.every(ok) || !yPred.every(ok)) throw new RangeError("label out of range");
  const m: number[][] = [];
  for (let t = 0; t < numClasses; t++) m.push(Array.from({ length: numClasses }, (_, p) => yTrue.filter((v, i) => v === t && yPred[i] === p).length));
  return m;
}

export function precisionRecallF1(yTrue: number[], yPred: number[], positive: number) {
  if (yTrue.length !== yPred.length) throw new RangeError("length mismatch");
  const tp = yTrue.filter((t, i) => t === positive && yPred[i] === positive).length;
  const predicted = yPred.filter((p) => p === positive).length;
  const actual = yTrue.filter((t) => t === positive).length;
  const precision = predicted === 0 ? 0 : tp / predicted;
  const recall = actual === 0 ? 0 : tp / actual;
  const f1 = predicted + actual === 0 ? 0 : (2 * tp) / (predicted + actual);
  return { precision, recall, f1 };
}
