// Checks only the true labels: an out-of-range prediction goes unnoticed.
function checkLengths(yTrue: number[], yPred: number[]): void {
  if (yTrue.length !== yPred.length) throw new RangeError(`yTrue has ${yTrue.length} labels but yPred has ${yPred.length}`);
}

/** Rows = true class, columns = predicted class. */
export function confusionMatrix(yTrue: number[], yPred: number[], numClasses: number): number[][] {
  checkLengths(yTrue, yPred);
  const m = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  yTrue.forEach((t, i) => {
    if (!Number.isInteger(t) || t < 0 || t >= numClasses) throw new RangeError(`label ${t} is outside [0, ${numClasses})`);
    m[t]![yPred[i]!]! += 1;
  });
  return m;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Each metric is 0 where its denominator is 0. */
export function precisionRecallF1(yTrue: number[], yPred: number[], positive: number): { precision: number; recall: number; f1: number } {
  checkLengths(yTrue, yPred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  yTrue.forEach((t, i) => {
    const p = yPred[i];
    if (p === positive && t === positive) tp++;
    else if (p === positive) fp++;
    else if (t === positive) fn++;
  });
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return { precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
}
