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
import type { CompileResult, Exercise, GradeReport, PublicFixtures, TestNames, Wire } from "@course/exercise-kit";
import type { Locale } from "../i18n/locale.ts";
import type { FeedbackLocalizer } from "./feedback-view.ts";
import type { PublicScoreBody } from "./schemas.ts";

interface ExercisesModule {
  exerciseIds: readonly string[];
  loadExercise(id: string): Promise<Exercise>;
  loadTestNames(id: string): Promise<TestNames>;
}
interface KitModule {
  compileSubmission(source: string): Promise<CompileResult>;
  buildPublicFixtures(exercise: Exercise, seed: number): PublicFixtures;
  scorePublic(fixtures: unknown, realmResult: unknown, meta?: { durationMs?: number; sourceMap?: string }): GradeReport;
  wireFromJson(j: unknown): Wire;
}

let modules: Promise<{ exercises: ExercisesModule; kit: KitModule }> | undefined;

/** import() left to Node at run time (not bundled): the loaded code runs outside the bundle. */
async function nativeImport<T>(specifier: string): Promise<T> {
  return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ specifier)) as T;
}

function load() {
  modules ??= (async () => {
    const { register } = await nativeImport<{ register: () => unknown }>("tsx/esm/api");
    register();
    // Bare specifiers resolve from the server bundle's folder up to apps/web/node_modules.
    const [exercises, kit] = await Promise.all([
      nativeImport<ExercisesModule>("@course/exercises"),
      nativeImport<KitModule>("@course/exercise-kit"),
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

/**
 * How grading feedback for exercise `id` reads in `locale`: the translated case names come from
 * its tests.zh-CN.json (read on its own, cached). English needs nothing loaded; an exercise whose
 * names cannot be read keeps English names (the messages are still translated).
 */
export async function feedbackLocalizer(id: string, locale: Locale): Promise<FeedbackLocalizer> {
  if (locale === "en") return { locale };
  try {
    const { exercises } = await load();
    if (!exercises.exerciseIds.includes(id)) return { locale };
    return { locale, testNames: await exercises.loadTestNames(id) };
  } catch {
    return { locale };
  }
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

/**
 * Scores a browser run of the public calls with the grader's comparison code. The realm result
 * comes from the student's browser, so its values are parsed (Wire JSON → Wire, with limits);
 * a malformed value counts as that call's failure, never as a pass.
 */
export async function scorePublicRun(exercise: Exercise, body: PublicScoreBody): Promise<GradeReport> {
  const { kit } = await load();
  const fixtures = await publicFixtures(exercise);
  const results = body.realm.results.map((raw) => {
    const r = raw as { id?: unknown; ok?: unknown; value?: unknown; error?: unknown };
    const id = typeof r.id === "string" ? r.id.slice(0, 100) : "?";
    if (r.ok === true) {
      try {
        return { id, ok: true, value: kit.wireFromJson(r.value) };
      } catch (e) {
        return { id, ok: false, error: { name: "OutputError", message: (e as Error).message.slice(0, 500) } };
      }
    }
    return { id, ok: false, error: r.error };
  });
  return kit.scorePublic(fixtures, { ...body.realm, results }, { durationMs: body.durationMs, ...(body.sourceMap ? { sourceMap: body.sourceMap } : {}) });
}
