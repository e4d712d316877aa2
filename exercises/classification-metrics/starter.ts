/** Rows = true class, columns = predicted class. */
export function confusionMatrix(yTrue: number[], yPred: number[], numClasses: number): number[][] {
  // TODO
  void yTrue;
  void yPred;
  return Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
}

/** Each metric is 0 where its denominator is 0. */
export function precisionRecallF1(yTrue: number[], yPred: number[], positive: number): { precision: number; recall: number; f1: number } {
  // TODO
  void yTrue;
  void yPred;
  void positive;
  return { precision: 0, recall: 0, f1: 0 };
}
