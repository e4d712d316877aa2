/**
 * The course's exercises (server side only: reads files and imports trusted test code).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadExerciseFolder, readTestNames, type Exercise, type ExerciseManifest, type TestNames } from "@course/exercise-kit";
import { exerciseIds, isExerciseId, type ExerciseId } from "./catalogue.ts";

export const EXERCISES_ROOT = dirname(fileURLToPath(import.meta.url));

// The catalogue's one home is the exercise folders' manifests, read by ./catalogue.ts.
export { exerciseCatalogue, exerciseIds, isExerciseId, type CatalogueEntry, type ExerciseId } from "./catalogue.ts";

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

const namesCache = new Map<string, Promise<TestNames>>();

/** An exercise's translated test case names, without importing its tests (light enough for any page). */
export function loadTestNames(id: string): Promise<TestNames> {
  if (!isExerciseId(id)) return Promise.reject(new RangeError(`unknown exercise "${id}"`));
  let p = namesCache.get(id);
  if (p === undefined) {
    p = readTestNames(join(EXERCISES_ROOT, id));
    p.catch(() => namesCache.delete(id));
    namesCache.set(id, p);
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
