// The built-in catalogue, read from the exercise folders themselves: each exercise.json is the one
// home of its id, lesson, order within the lesson, title and exports. Static JSON imports only (no
// file system), so the web app can bundle it; `./index.ts` loads the rest of a folder on the server.
// Adding an exercise folder means adding its manifest here (catalogue.test.ts fails until then).
import activations from "./activations/exercise.json";
import adam from "./adam/exercise.json";
import attentionBackward from "./attention-backward/exercise.json";
import causalMask from "./causal-mask/exercise.json";
import classificationMetrics from "./classification-metrics/exercise.json";
import clipGradient from "./clip-gradient/exercise.json";
import conv2dForward from "./conv2d-forward/exercise.json";
import customDenseLayer from "./custom-dense-layer/exercise.json";
import denseBackward from "./dense-backward/exercise.json";
import denseForward from "./dense-forward/exercise.json";
import dropout from "./dropout/exercise.json";
import embedding from "./embedding/exercise.json";
import encoderBlock from "./encoder-block/exercise.json";
import ganLosses from "./gan-losses/exercise.json";
import gradientCheck from "./gradient-check/exercise.json";
import kFold from "./k-fold/exercise.json";
import layerNorm from "./layer-norm/exercise.json";
import linearRegressionGd from "./linear-regression-gd/exercise.json";
import lstmStep from "./lstm-step/exercise.json";
import maxPool from "./max-pool/exercise.json";
import mlpTrainStep from "./mlp-train-step/exercise.json";
import mseLoss from "./mse-loss/exercise.json";
import multiHeadAttention from "./multi-head-attention/exercise.json";
import positionalEncoding from "./positional-encoding/exercise.json";
import rnnForward from "./rnn-forward/exercise.json";
import saliency from "./saliency/exercise.json";
import saveLoad from "./save-load/exercise.json";
import scaledDotProductAttention from "./scaled-dot-product-attention/exercise.json";
import sgdMomentum from "./sgd-momentum/exercise.json";
import softmax from "./softmax/exercise.json";
import softmaxCrossEntropy from "./softmax-cross-entropy/exercise.json";
import standardize from "./standardize/exercise.json";

/** Every folder's manifest, keyed by the folder name (which must be the manifest's id). */
const manifests = {
  "activations": activations,
  "adam": adam,
  "attention-backward": attentionBackward,
  "causal-mask": causalMask,
  "classification-metrics": classificationMetrics,
  "clip-gradient": clipGradient,
  "conv2d-forward": conv2dForward,
  "custom-dense-layer": customDenseLayer,
  "dense-backward": denseBackward,
  "dense-forward": denseForward,
  "dropout": dropout,
  "embedding": embedding,
  "encoder-block": encoderBlock,
  "gan-losses": ganLosses,
  "gradient-check": gradientCheck,
  "k-fold": kFold,
  "layer-norm": layerNorm,
  "linear-regression-gd": linearRegressionGd,
  "lstm-step": lstmStep,
  "max-pool": maxPool,
  "mlp-train-step": mlpTrainStep,
  "mse-loss": mseLoss,
  "multi-head-attention": multiHeadAttention,
  "positional-encoding": positionalEncoding,
  "rnn-forward": rnnForward,
  "saliency": saliency,
  "save-load": saveLoad,
  "scaled-dot-product-attention": scaledDotProductAttention,
  "sgd-momentum": sgdMomentum,
  "softmax": softmax,
  "softmax-cross-entropy": softmaxCrossEntropy,
  "standardize": standardize,
} satisfies Record<string, CatalogueManifest>;

/** The fields of exercise.json the catalogue reads (exercise-kit's schema validates the whole file). */
interface CatalogueManifest {
  readonly id: string;
  readonly lesson: number;
  readonly order: number;
  readonly title: { readonly en: string; readonly "zh-CN": string };
  readonly exports: readonly string[];
}

/** A built-in exercise id: the name of a folder in exercises/. */
export type ExerciseId = keyof typeof manifests;

export interface CatalogueEntry {
  readonly id: ExerciseId;
  /** Lesson number, 1-based. */
  readonly lesson: number;
  /** Position within the lesson. */
  readonly order: number;
  readonly title: { readonly en: string; readonly "zh-CN": string };
  /** Names the student's module must export. */
  readonly exports: readonly string[];
}

function entriesOf(all: typeof manifests): CatalogueEntry[] {
  const entries = (Object.keys(all) as ExerciseId[]).map((key): CatalogueEntry => {
    const { id, lesson, order, title, exports } = all[key];
    if (id !== key) throw new Error(`exercises/${key}/exercise.json has id "${id}"; it must be the folder name`);
    if (!Number.isInteger(lesson) || lesson < 1) throw new Error(`exercises/${key}/exercise.json: lesson ${lesson} is not a lesson number`);
    return { id: key, lesson, order, title, exports };
  });
  return entries.sort((a, b) => a.lesson - b.lesson || a.order - b.order);
}

/** Every built-in exercise, in course order: by lesson, then by order within the lesson. */
export const exerciseCatalogue: readonly CatalogueEntry[] = entriesOf(manifests);

/** Every built-in exercise id, in course order. */
export const exerciseIds: readonly ExerciseId[] = exerciseCatalogue.map((e) => e.id);

const exerciseIdSet: ReadonlySet<string> = new Set(exerciseIds);

export function isExerciseId(value: string): value is ExerciseId {
  return exerciseIdSet.has(value);
}
