/**
 * What the exercise check reads of an exercise: its data parts and the list of its cases. A folder
 * loaded in this process gives the cases from its tests module; a bundle checked in the author
 * sandbox gives them from a plan made there, so the check itself never runs course code.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  bundleParts,
  type BundleSource,
  type ExerciseBundle,
  type ExerciseParts,
} from "../bundle.ts";
import type { Exercise } from "../exercise.ts";

export interface CaseInfo {
  name: string;
  kind: "random" | "edge";
  visibility: "public" | "hidden";
}

export interface CheckSubject extends Omit<
  ExerciseParts,
  "testsSource" | "mutants" | "alternatives"
> {
  mutants: readonly BundleSource[];
  alternatives: readonly BundleSource[];
  cases: readonly CaseInfo[];
  /** The text of an optional file of the exercise (mutants/hints.json, equivalent-mutants.json). */
  readOptional(path: string): Promise<string | undefined>;
}

export function folderSubject(ex: Exercise): CheckSubject {
  return {
    ...ex,
    cases: ex.tests.cases,
    readOptional: async (path) => {
      const p = join(ex.dir, path);
      return existsSync(p) ? readFile(p, "utf8") : undefined;
    },
  };
}

/** A bundle's parts with the cases of a plan (a BundleError when a part is missing or malformed). */
export function bundleSubject(bundle: ExerciseBundle, cases: readonly CaseInfo[]): CheckSubject {
  const { testsSource: _tests, ...parts } = bundleParts(bundle);
  return { ...parts, cases, readOptional: (path) => Promise.resolve(bundle.files[path]) };
}
