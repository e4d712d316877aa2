/**
 * Server-only access to exercise versions as the database stores them (statements, starter,
 * test-name translations, the public tests' fixtures) and to exercise-kit's compile and public
 * scoring functions. No course code runs here: a version's public fixtures were computed in the
 * grader's author sandbox when it was published, and are only read.
 *
 * exercise-kit's compiler (esbuild) is loaded natively, outside the Next bundle, with tsx's ESM
 * loader registered once per process. Nothing here reaches the browser except what the callers
 * pick out (statement, starter, public calls, compiled student code).
 */
import type { CompileResult, ExerciseParts, GradeReport, PublicFixtures, TestNames, Wire } from "@course/exercise-kit";
import { bundleParts, parseBundle } from "@course/exercise-kit/bundle";
import { getDb } from "../db.ts";
import type { Locale } from "../i18n/locale.ts";
import type { FeedbackLocalizer } from "./feedback-view.ts";
import type { PublicScoreBody } from "./schemas.ts";

interface KitModule {
  compileSubmission(source: string): Promise<CompileResult>;
  scorePublic(fixtures: unknown, realmResult: unknown, meta?: { durationMs?: number; sourceMap?: string }): GradeReport;
  wireFromJson(j: unknown): Wire;
  PublicFixturesSchema: { parse(x: unknown): PublicFixtures };
}

let kitModule: Promise<KitModule> | undefined;

/** import() left to Node at run time (not bundled): the loaded code runs outside the bundle. */
async function nativeImport<T>(specifier: string): Promise<T> {
  return (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ specifier)) as T;
}

function kit(): Promise<KitModule> {
  kitModule ??= (async () => {
    const { register } = await nativeImport<{ register: () => unknown }>("tsx/esm/api");
    register();
    // Bare specifiers resolve from the server bundle's folder up to apps/web/node_modules.
    return nativeImport<KitModule>("@course/exercise-kit");
  })();
  kitModule.catch(() => {
    kitModule = undefined;
  });
  return kitModule;
}

/** An exercise version as the web app shows it. */
export interface ExerciseVersionView extends ExerciseParts {
  versionId: string;
  version: number;
  contentHash: string;
  /** Null while the grader has not yet computed them (just published). */
  publicFixtures: PublicFixtures | null;
}

const partsByHash = new Map<string, ExerciseParts>();

/** The parts of a stored bundle, parsed once per content hash (a version never changes). */
function partsOf(contentHash: string, bundleJson: string): ExerciseParts {
  let parts = partsByHash.get(contentHash);
  if (parts === undefined) {
    parts = bundleParts(parseBundle(JSON.parse(bundleJson)));
    partsByHash.set(contentHash, parts);
  }
  return parts;
}

/**
 * A published version of an exercise: `versionId` (an assignment's pinned version), else the
 * newest; null when there is none with files.
 */
export async function loadExercise(slug: string, versionId: string | null = null): Promise<ExerciseVersionView | null> {
  const row = await getDb().exerciseVersion.findFirst({
    where: { exercise: { slug }, NOT: { bundle: null }, ...(versionId === null ? {} : { id: versionId }) },
    orderBy: { version: "desc" },
    select: { id: true, version: true, contentHash: true, bundle: true, publicFixtures: true },
  });
  if (row?.bundle == null) return null;
  const parts = partsOf(row.contentHash, row.bundle);
  const fixtures = row.publicFixtures === null ? null : (await kit()).PublicFixturesSchema.parse(JSON.parse(row.publicFixtures));
  return { ...parts, versionId: row.id, version: row.version, contentHash: row.contentHash, publicFixtures: fixtures };
}

/** Public fixtures stored as JSON by the grader (a version's, or a draft check's), parsed. */
export async function parsePublicFixtures(raw: unknown): Promise<PublicFixtures> {
  return (await kit()).PublicFixturesSchema.parse(raw);
}

/** Translated test names of an exercise's newest version (empty when it has none). */
async function testNames(slug: string): Promise<TestNames> {
  return (await loadExercise(slug))?.testNames ?? { "zh-CN": {} };
}

/**
 * How grading feedback for exercise `slug` reads in `locale`: the translated case names come from
 * its newest version. English needs nothing loaded; an exercise whose names cannot be read keeps
 * English names (the messages are still translated).
 */
export async function feedbackLocalizer(slug: string, locale: Locale): Promise<FeedbackLocalizer> {
  if (locale === "en") return { locale };
  try {
    return { locale, testNames: await testNames(slug) };
  } catch {
    return { locale };
  }
}

export async function compileSource(source: string): Promise<CompileResult> {
  return (await kit()).compileSubmission(source);
}

/**
 * Scores a browser run of the public calls with the grader's comparison code. The realm result
 * comes from the student's browser, so its values are parsed (Wire JSON → Wire, with limits);
 * a malformed value counts as that call's failure, never as a pass.
 */
export async function scorePublicRun(fixtures: PublicFixtures, body: PublicScoreBody): Promise<GradeReport> {
  const k = await kit();
  const results = body.realm.results.map((raw) => {
    const r = raw as { id?: unknown; ok?: unknown; value?: unknown; error?: unknown };
    const id = typeof r.id === "string" ? r.id.slice(0, 100) : "?";
    if (r.ok === true) {
      try {
        return { id, ok: true, value: k.wireFromJson(r.value) };
      } catch (e) {
        return { id, ok: false, error: { name: "OutputError", message: (e as Error).message.slice(0, 500) } };
      }
    }
    return { id, ok: false, error: r.error };
  });
  return k.scorePublic(fixtures, { ...body.realm, results }, { durationMs: body.durationMs, ...(body.sourceMap ? { sourceMap: body.sourceMap } : {}) });
}
