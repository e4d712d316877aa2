/**
 * The course's exercises (server side only: reads files and imports trusted test code).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadExerciseFolder, type Exercise, type ExerciseManifest } from "@course/exercise-kit";

export const EXERCISES_ROOT = dirname(fileURLToPath(import.meta.url));

/** In lesson order, as in COURSE.md's catalogue. */
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

export function isExerciseId(id: string): id is ExerciseId {
  return (exerciseIds as readonly string[]).includes(id);
}

const cache = new Map<string, Promise<Exercise>>();

/** Manifest, statements, starter, solution (source and path), tests module, mutants. */
export function loadExercise(id: string): Promise<Exercise> {
  if (!isExerciseId(id)) return Promise.reject(new RangeError(`unknown exercise "${id}"`));
  let p = cache.get(id);
  if (p === undefined) {
    p = loadExerciseFolder(join(EXERCISES_ROOT, id));
    p.catch(() => cache.delete(id));
    cache.set(id, p);
  }
  return p;
}

export interface ExerciseListing {
  id: ExerciseId;
  lesson: number;
  manifest: ExerciseManifest;
}

/** Every exercise's manifest with its lesson, in lesson order. */
export async function listExercises(): Promise<ExerciseListing[]> {
  const all = await Promise.all(exerciseIds.map(async (id) => ({ id, manifest: (await loadExercise(id)).manifest })));
  return all
    .map(({ id, manifest }) => ({ id, lesson: manifest.lesson, manifest }))
    .sort((a, b) => a.lesson - b.lesson || a.manifest.order - b.manifest.order);
}
