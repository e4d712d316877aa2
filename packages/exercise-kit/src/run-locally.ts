/**
 * runLocally: grade a source in this process (authoring checks and tests only: NO isolation).
 * Uses the same compile, restrictTf, executeCalls and scoring code as the grader.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { compileSubmission } from "./compile.ts";
import type { ExerciseManifest } from "./manifest.ts";
import { planGrading, type GradingPlan, type PlanSource, type Visibility } from "./plan.ts";
import { executeCalls, loadFailure } from "./realm/execute.ts";
import { restrictTf, unrestrictTf, type TfNamespace } from "./realm/restrict.ts";
import { tfModuleSource } from "./realm/tf-module.ts";
import { SUBMISSION_FILE, type RealmResult } from "./realm/types.ts";
import type { GradeReport } from "./report.ts";
import { reportForCompileFailure, scoreGrading } from "./score.ts";

export interface RunLocallyOptions {
  seed: number;
  visibility?: Visibility;
}

// Node's own loader imports the compiled files, so stack traces keep the compiled line numbers.
// Inside a test runner that evaluates modules itself, that loader may be unavailable: fall back.
const nativeImport = new Function("url", "return import(url)") as (url: string) => Promise<unknown>;

async function importFile(url: string): Promise<unknown> {
  try {
    return await nativeImport(url);
  } catch (e) {
    if (!(e instanceof TypeError) || !/dynamic import callback/i.test(e.message)) throw e;
    return import(/* @vite-ignore */ url);
  }
}

let counter = 0;

/** A plain snapshot of a module's exports (a test runner's module objects may expose them as getters). */
function exportsOf(mod: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(mod as object)) out[k] = (mod as Record<string, unknown>)[k];
  return out;
}

/**
 * The classes registered with tf.serialization, restorable. A source that registers a layer class
 * (custom-dense-layer) would otherwise leave it for the next source graded in this process: a
 * mutant that forgets to register its own class then loads a saved model with the class an
 * earlier source registered, and may pass where the grader (a fresh isolate per submission)
 * rejects it.
 */
function snapshotRegisteredClasses(): { restore(): void } {
  const classes = tf.serialization.SerializationMap.getMap().classNameMap;
  const saved = { ...classes };
  return {
    restore() {
      for (const name of Object.keys(classes)) delete classes[name];
      Object.assign(classes, saved);
    },
  };
}

/** Compile, load and run `source` against an existing plan; returns the realm result or a failure report. */
export async function runPlanLocally(
  manifest: ExerciseManifest,
  plan: GradingPlan,
  source: string,
): Promise<{ report?: GradeReport; realm?: RealmResult; sourceMap?: string }> {
  const dir = await mkdtemp(join(tmpdir(), "course-realm-"));
  const globalName = `__courseRealmTf${process.pid}_${++counter}`;
  const shimPath = join(dir, "tfjs-shim.mjs");
  try {
    const compiled = await compileSubmission(source, { tfSpecifier: pathToFileURL(shimPath).href });
    if (!compiled.ok) return { report: reportForCompileFailure(plan, compiled) };
    const restricted = restrictTf(tf as unknown as TfNamespace, manifest.bans, { allow: manifest.allow });
    const registered = snapshotRegisteredClasses();
    try {
      (globalThis as Record<string, unknown>)[globalName] = restricted;
      await writeFile(shimPath, tfModuleSource(restricted, globalName));
      const modPath = join(dir, SUBMISSION_FILE.replace(/\.js$/, ".mjs"));
      await writeFile(modPath, compiled.code);
      let mod: unknown;
      try {
        mod = await importFile(pathToFileURL(modPath).href);
      } catch (e) {
        return { realm: loadFailure(e), sourceMap: compiled.sourceMap };
      }
      return { realm: await executeCalls(exportsOf(mod), restricted, plan.calls), sourceMap: compiled.sourceMap };
    } finally {
      registered.restore();
      unrestrictTf(tf as unknown as TfNamespace);
      delete (globalThis as Record<string, unknown>)[globalName];
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runLocally(exercise: PlanSource, source: string, options: RunLocallyOptions): Promise<GradeReport> {
  const started = performance.now();
  const plan = planGrading(exercise, { seed: options.seed, visibility: options.visibility ?? "all" });
  const out = await runPlanLocally(exercise.manifest, plan, source);
  const durationMs = Math.round(performance.now() - started);
  if (out.report !== undefined) return { ...out.report, durationMs };
  const meta = { durationMs, ...(out.sourceMap === undefined ? {} : { sourceMap: out.sourceMap }), ...(exercise.manifest.points === undefined ? {} : { maxScore: exercise.manifest.points }) };
  return scoreGrading(plan, out.realm, meta);
}
