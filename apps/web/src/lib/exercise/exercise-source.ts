/**
 * Server-only access to the exercise folders (statements, starter, tests) and exercise-kit's
 * compile and public-fixture functions.
 *
 * `@course/exercises` imports each exercise's trusted `tests.ts` with a runtime import() of a
 * TypeScript file, which the Next server (plain Node 20, bundled code) cannot do. So this module
 * loads the exercises package natively, outside the bundle, with tsx's ESM loader registered once
 * per process. Nothing here is ever sent to the browser except what the callers pick out
 * (statement, starter, public fixtures, compiled student code).
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { CompileResult, Exercise, PublicFixtures } from "@course/exercise-kit";

interface ExercisesModule {
  exerciseIds: readonly string[];
  loadExercise(id: string): Promise<Exercise>;
}
interface KitModule {
  compileSubmission(source: string): Promise<CompileResult>;
  buildPublicFixtures(exercise: Exercise, seed: number): PublicFixtures;
}

let modules: Promise<{ exercises: ExercisesModule; kit: KitModule }> | undefined;

async function nativeImport<T>(specifier: string): Promise<T> {
  return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ specifier)) as T;
}

function load() {
  modules ??= (async () => {
    const { register } = await nativeImport<{ register: () => unknown }>("tsx/esm/api");
    register();
    const req = createRequire(join(process.cwd(), "package.json"));
    const [exercises, kit] = await Promise.all([
      nativeImport<ExercisesModule>(pathToFileURL(req.resolve("@course/exercises")).href),
      nativeImport<KitModule>(pathToFileURL(req.resolve("@course/exercise-kit")).href),
    ]);
    return { exercises, kit };
  })();
  modules.catch(() => {
    modules = undefined;
  });
  return modules;
}

export async function isKnownExercise(id: string): Promise<boolean> {
  return (await load()).exercises.exerciseIds.includes(id);
}

/** The exercise folder, or null when there is no such exercise. */
export async function loadExercise(id: string): Promise<Exercise | null> {
  const { exercises } = await load();
  if (!exercises.exerciseIds.includes(id)) return null;
  return exercises.loadExercise(id);
}

export async function compileSource(source: string): Promise<CompileResult> {
  return (await load()).kit.compileSubmission(source);
}

/** A stable seed per exercise: everyone sees the same public inputs, which the statement may cite. */
export function publicSeed(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

const fixtureCache = new Map<string, Promise<PublicFixtures>>();

export async function publicFixtures(exercise: Exercise): Promise<PublicFixtures> {
  const id = exercise.manifest.id;
  let p = fixtureCache.get(id);
  if (!p) {
    p = load().then(({ kit }) => kit.buildPublicFixtures(exercise, publicSeed(id)));
    p.catch(() => fixtureCache.delete(id));
    fixtureCache.set(id, p);
  }
  return p;
}
