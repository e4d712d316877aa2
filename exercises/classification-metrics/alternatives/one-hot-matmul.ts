// Style: tensors: the matrix as oneHot(yTrue)ᵀ·oneHot(yPred) read back with arraySync(); the metrics as boolean masks summed, returned as scalar tensors.
import * as tf from "@tensorflow/tfjs";

export function confusionMatrix(yTrue: number[], yPred: number[], numClasses: number): number[][] {
  if (yTrue.length !== yPred.length) throw new RangeError("yTrue and yPred must have the same length");
  for (const label of yTrue.concat(yPred)) {
    if (!Number.isInteger(label) || label < 0 || label >= numClasses) throw new RangeError(`label ${label} out of range`);
  }
  return tf.tidy(() => {
    const t = tf.oneHot(tf.tensor1d(yTrue, "int32"), numClasses).toFloat();
    const p = tf.oneHot(tf.tensor1d(yPred, "int32"), numClasses).toFloat();
    return tf.matMul(t, p, true, false).arraySync() as number[][];
  });
}

export function precisionRecallF1(yTrue: number[], yPred: number[], positive: number) {
  if (yTrue.length !== yPred.length) throw new RangeError("yTrue and yPred must have the same length");
  const isTrue = tf.equal(tf.tensor1d(yTrue, "int32"), positive);
  const isPred = tf.equal(tf.tensor1d(yPred, "int32"), positive);
  const tp = tf.sum(tf.logicalAnd(isTrue, isPred).toFloat());
  const predicted = tf.sum(isPred.toFloat());
  const actual = tf.sum(isTrue.toFloat());
  // divNoNan gives 0 where the denominator is 0.
  const precision = tf.divNoNan(tp, predicted);
  const recall = tf.divNoNan(tp, actual);
  const f1 = tf.divNoNan(tf.mul(2, tp), tf.add(predicted, actual));
  return { precision, recall, f1 };
}
