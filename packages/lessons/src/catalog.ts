// The exercise catalogue of COURSE.md: every exercise id, the lesson it belongs to and the
// names its module exports. Other packages (exercise-kit, web) may import it.

export const lessonSlugs = [
  "01-tensors-and-the-neuron",
  "02-losses-and-gradient-descent",
  "03-backpropagation",
  "04-optimisers",
  "05-convolutional-networks",
  "06-recurrent-networks",
  "07-attention",
  "08-the-transformer",
  "09-generative-adversarial-networks",
  "10-data-training-and-evaluation",
  "11-building-blocks-with-tfjs",
  "12-interpretability-and-deployment",
] as const;

export type LessonSlug = (typeof lessonSlugs)[number];

export const exerciseIds = [
  "dense-forward",
  "activations",
  "softmax",
  "softmax-cross-entropy",
  "mse-loss",
  "linear-regression-gd",
  "dense-backward",
  "mlp-train-step",
  "gradient-check",
  "sgd-momentum",
  "adam",
  "conv2d-forward",
  "max-pool",
  "rnn-forward",
  "lstm-step",
  "causal-mask",
  "scaled-dot-product-attention",
  "attention-backward",
  "positional-encoding",
  "layer-norm",
  "multi-head-attention",
  "encoder-block",
  "gan-losses",
  "standardize",
  "k-fold",
  "classification-metrics",
  "dropout",
  "embedding",
  "custom-dense-layer",
  "clip-gradient",
  "saliency",
  "save-load",
] as const;

export type ExerciseId = (typeof exerciseIds)[number];

export interface CatalogEntry {
  readonly id: ExerciseId;
  /** Lesson number, 1-based. */
  readonly lesson: number;
  readonly lessonSlug: LessonSlug;
  /** Names the student's module must export. */
  readonly exports: readonly string[];
}

const entries: readonly (readonly [ExerciseId, number, readonly string[]])[] = [
  ["dense-forward", 1, ["denseForward"]],
  ["activations", 1, ["relu", "sigmoid", "tanh", "reluGrad", "sigmoidGrad", "tanhGrad"]],
  ["softmax", 2, ["softmax"]],
  ["softmax-cross-entropy", 2, ["softmaxCrossEntropy"]],
  ["mse-loss", 2, ["mseLoss"]],
  ["linear-regression-gd", 2, ["fitLinearRegression"]],
  ["dense-backward", 3, ["denseBackward"]],
  ["mlp-train-step", 3, ["mlpTrainStep"]],
  ["gradient-check", 3, ["numericalGradient", "relativeError"]],
  ["sgd-momentum", 4, ["sgdMomentumStep"]],
  ["adam", 4, ["adamStep"]],
  ["conv2d-forward", 5, ["conv2dForward"]],
  ["max-pool", 5, ["maxPoolForward", "maxPoolBackward"]],
  ["rnn-forward", 6, ["rnnStep", "rnnForward"]],
  ["lstm-step", 6, ["lstmStep"]],
  ["causal-mask", 7, ["causalMask"]],
  ["scaled-dot-product-attention", 7, ["scaledDotProductAttention"]],
  ["attention-backward", 7, ["attentionBackward"]],
  ["positional-encoding", 8, ["positionalEncoding"]],
  ["layer-norm", 8, ["layerNorm"]],
  ["multi-head-attention", 8, ["multiHeadAttention"]],
  ["encoder-block", 8, ["encoderBlock"]],
  ["gan-losses", 9, ["discriminatorLoss", "generatorLoss"]],
  ["standardize", 10, ["fitStandardizer", "standardize"]],
  ["k-fold", 10, ["kFoldIndices"]],
  ["classification-metrics", 10, ["confusionMatrix", "precisionRecallF1"]],
  ["dropout", 10, ["dropoutForward"]],
  ["embedding", 11, ["embeddingForward", "embeddingBackward"]],
  ["custom-dense-layer", 11, ["MyDense"]],
  ["clip-gradient", 11, ["clipGradient"]],
  ["saliency", 12, ["inputSaliency"]],
  ["save-load", 12, ["roundTrip"]],
];

function slugOf(lesson: number): LessonSlug {
  const slug = lessonSlugs[lesson - 1];
  if (slug === undefined) throw new RangeError(`no lesson ${lesson}`);
  return slug;
}

/** The catalogue in COURSE.md order. */
export const catalog: readonly CatalogEntry[] = entries.map(([id, lesson, names]) => ({
  id,
  lesson,
  lessonSlug: slugOf(lesson),
  exports: names,
}));

const exerciseIdSet: ReadonlySet<string> = new Set(exerciseIds);

export function isExerciseId(value: string): value is ExerciseId {
  return exerciseIdSet.has(value);
}

/** The catalogue entry of one exercise. */
export function exerciseById(id: ExerciseId): CatalogEntry {
  const entry = catalog.find((e) => e.id === id);
  if (entry === undefined) throw new RangeError(`unknown exercise ${id}`);
  return entry;
}

/** Exercise ids of one lesson, in catalogue order. */
export function exercisesOfLesson(slug: LessonSlug): ExerciseId[] {
  return catalog.filter((e) => e.lessonSlug === slug).map((e) => e.id);
}
