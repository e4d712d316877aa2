/**
 * Lesson 10: k-fold cross-validation of a softmax-regression classifier on Iris (model kit's
 * crossValidate). Frames: each fold as it finishes, then the out-of-fold confusion matrix and the
 * ROC curve of one class against the rest. The reader's kFoldIndices and confusionMatrix can
 * replace the kit's; each is checked against the reference on the same inputs.
 */
import { compareOutputs, type OwnCheck } from "../../lib/lessons/own-check.ts";
import { iris } from "../../../../../packages/model-kit/src/datasets/iris.ts";
import { crossValidate, type Fold, type RocPoint } from "../../../../../packages/model-kit/src/demos/evaluation.ts";
import type { DemoComputation } from "../demo-context.ts";
import { reference } from "../model-kit.ts";

export type CrossValidationFrame =
  /** Rows of the dataset (sorted by species, 50 each) the fold trained and validated on. */
  | { kind: "fold"; fold: number; k: number; trainRows: number[]; valRows: number[]; accuracy: number }
  | { kind: "result"; classes: string[]; confusion: number[][]; accuracy: number; roc: Omit<RocPoint, "threshold">[]; auc: number; positive: number }
  | { kind: "check"; check: OwnCheck };

export const crossValidation: DemoComputation<"cross-validation", CrossValidationFrame> = async (params, ctx) => {
  const data = iris();
  const kFold = ctx.block("k-fold", "kFoldIndices", reference.kFoldIndices);
  const confusion = ctx.block("classification-metrics", "confusionMatrix", reference.confusionMatrix);
  const blocks = {
    kFold: async (n: number, k: number): Promise<Fold[]> => {
      const folds = await kFold(n, k);
      if (ctx.isOwn("k-fold")) {
        const ref = reference.kFoldIndices(n, k);
        const flat = (fs: Fold[]) => fs.flatMap((f) => [...f.val, -1, ...f.train, -2]);
        ctx.emit({ kind: "check", check: compareOutputs("k-fold", flat(folds), flat(ref), (i) => `position ${i} of the folds' index lists`, 0) });
      }
      return folds;
    },
    confusion: async (yTrue: number[], yPred: number[], c: number): Promise<number[][]> => {
      const m = await confusion(yTrue, yPred, c);
      if (ctx.isOwn("classification-metrics")) {
        const ref = reference.confusionMatrix(yTrue, yPred, c);
        ctx.emit({ kind: "check", check: compareOutputs("classification-metrics", m.flat(), ref.flat(), (i) => `row ${Math.floor(i / c) + 1}, column ${(i % c) + 1}`, 0) });
      }
      return m;
    },
  };
  const result = await crossValidate({ x: data.x, y: data.y, classes: 3 }, { k: params.k, shuffle: params.shuffle, positive: params.positive }, blocks, async (f) => {
    ctx.emit({ kind: "fold", fold: f.fold, k: params.k, trainRows: f.train, valRows: f.val, accuracy: f.accuracy });
    await ctx.tick();
  });
  ctx.emit({ kind: "result", classes: [...data.classes], confusion: result.confusion, accuracy: result.accuracy, roc: result.roc.map(({ fpr, tpr }) => ({ fpr, tpr })), auc: result.auc, positive: params.positive });
};
