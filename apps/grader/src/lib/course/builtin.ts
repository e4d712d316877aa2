/**
 * A built-in exercise straight from its folder in exercises/, as the grader sees a version (course
 * code compiled for the author sandbox), with its sources: for the tests and the bench.
 */
import { join } from "node:path";
import { bundleParts, readBundleFolder, type ExerciseParts } from "@course/exercise-kit";
import { EXERCISES_ROOT } from "@course/exercises";
import type { CourseVersion } from "./runner.ts";
import { courseVersionFromBundle } from "./versions.ts";

export type BuiltinExercise = CourseVersion & Pick<ExerciseParts, "solution" | "starter" | "alternatives">;

export async function loadBuiltin(id: string): Promise<BuiltinExercise> {
  const bundle = await readBundleFolder(join(EXERCISES_ROOT, id));
  const { solution, starter, alternatives } = bundleParts(bundle);
  return { ...(await courseVersionFromBundle(bundle)), solution, starter, alternatives };
}
