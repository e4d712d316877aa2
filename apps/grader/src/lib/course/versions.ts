/**
 * Exercise versions ready to grade, cached by content hash: a bundle's data parts are parsed and
 * its course code compiled once per grader process, whichever version row or folder it came from.
 */
import { join } from "node:path";
import { findVersionBundle, type Db } from "@course/db";
import { bundleHash, bundleParts, parseBundle, readBundleFolder, type ExerciseBundle } from "@course/exercise-kit";
import { compileCourseCode } from "./compile.ts";
import { CourseCodeError, type CourseVersion } from "./runner.ts";

/** Parses and compiles a bundle (the exercise's fault, as CourseCodeError, when it cannot be). */
export async function courseVersionFromBundle(bundle: ExerciseBundle): Promise<CourseVersion> {
  let parts;
  try {
    parts = bundleParts(bundle);
  } catch (e) {
    throw new CourseCodeError(`the exercise is malformed: ${(e as Error).message}`);
  }
  const compiled = await compileCourseCode(bundle);
  if (!compiled.ok) {
    const first = compiled.errors[0]!;
    throw new CourseCodeError(`the exercise's course code does not compile: ${first.file}:${first.line}:${first.column}: ${first.message}`, compiled.errors);
  }
  return { hash: bundleHash(bundle), manifest: parts.manifest, testNames: parts.testNames, code: compiled.code, mutants: parts.mutants, hints: parts.hints };
}

/** Versions by content hash, least recently used dropped first. */
export class CourseVersionCache {
  private byHash = new Map<string, Promise<CourseVersion>>();

  constructor(private capacity = 64) {}

  /** The version with content hash `hash`; `load` fetches its bundle only when it is not cached. */
  get(hash: string, load: () => Promise<ExerciseBundle>): Promise<CourseVersion> {
    let p = this.byHash.get(hash);
    if (p !== undefined) {
      this.byHash.delete(hash);
      this.byHash.set(hash, p);
      return p;
    }
    p = load().then(async (bundle) => {
      const actual = bundleHash(bundle);
      if (actual !== hash) throw new CourseCodeError(`the stored bundle's content hash ${actual.slice(0, 12)} is not the version's ${hash.slice(0, 12)}`);
      return courseVersionFromBundle(bundle);
    });
    p.catch(() => this.byHash.delete(hash));
    this.byHash.set(hash, p);
    while (this.byHash.size > this.capacity) this.byHash.delete(this.byHash.keys().next().value as string);
    return p;
  }
}

/** A built-in exercise straight from its folder in exercises/ (the CLI, tests, the bench). */
export async function folderVersion(root: string, id: string): Promise<CourseVersion> {
  return courseVersionFromBundle(await readBundleFolder(join(root, id)));
}

/** Loads a job's exercise version from the database by id, compiled once per content hash. */
export function dbVersionLoader(db: Db, cache = new CourseVersionCache()): (versionId: string, contentHash: string) => Promise<CourseVersion> {
  return (versionId, contentHash) =>
    cache.get(contentHash, async () => {
      const row = await findVersionBundle(db, versionId);
      if (row?.bundle == null) throw new CourseCodeError(`exercise version ${versionId} has no stored files (recorded before versions carried them); publish it again`);
      return parseBundle(JSON.parse(row.bundle));
    });
}
