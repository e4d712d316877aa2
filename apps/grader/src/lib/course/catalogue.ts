/**
 * The built-in catalogue (exercises/ in git) and the database's versions, both ways:
 * `syncCatalogue` publishes every folder whose content changed as a new version (course code
 * compiled and its public fixtures planned in the author sandbox first: a folder that fails
 * publishes nothing), and `exportVersion` writes any stored version back as a folder.
 */
import { join } from "node:path";
import { findExerciseVersion, publishExerciseVersion, type Db } from "@course/db";
import { bundleHash, bundleParts, listExerciseDirs, parseBundle, readBundleFolder, writeBundleFolder, type ExerciseBundle } from "@course/exercise-kit";
import { fillPublicFixtures, planPublicFixtures } from "./fixtures.ts";
import type { CourseSandbox } from "./runner.ts";
import { courseVersionFromBundle } from "./versions.ts";

export type SyncOutcome = { id: string; status: "unchanged"; version: number } | { id: string; status: "published"; version: number } | { id: string; status: "failed"; error: string };

/** Publishes one bundle as a version of its exercise (a no-op when that content is already a version). */
export async function publishBundle(db: Db, course: CourseSandbox, bundle: ExerciseBundle, opts: { courseId?: string | null } = {}): Promise<{ version: number; created: boolean; versionId: string }> {
  const parts = bundleParts(bundle);
  const hash = bundleHash(bundle);
  const existing = await db.exerciseVersion.findFirst({ where: { exercise: { slug: parts.manifest.id }, contentHash: hash }, select: { id: true, version: true } });
  if (existing) return { version: existing.version, created: false, versionId: existing.id };
  // Everything that can fail runs before anything is written.
  const version = await courseVersionFromBundle(bundle);
  const publicFixtures = await planPublicFixtures(course, version);
  const r = await publishExerciseVersion(db, {
    slug: parts.manifest.id,
    title: parts.manifest.title.en,
    titleZh: parts.manifest.title["zh-CN"],
    ...(opts.courseId === undefined ? {} : { courseId: opts.courseId }),
    contentHash: hash,
    manifest: JSON.parse(bundle.files["exercise.json"]!) as unknown,
    starterCode: parts.starter,
    bundle,
    publicFixtures,
  });
  return { version: r.version.version, created: r.created, versionId: r.version.id };
}

export async function syncCatalogue(db: Db, course: CourseSandbox, root: string, onProgress: (id: string, i: number, n: number) => void = () => {}): Promise<SyncOutcome[]> {
  const ids = await listExerciseDirs(root);
  const out: SyncOutcome[] = [];
  for (const [i, id] of ids.entries()) {
    onProgress(id, i, ids.length);
    try {
      const bundle = await readBundleFolder(join(root, id));
      const { manifest } = bundleParts(bundle);
      if (manifest.id !== id) throw new Error(`exercise.json says id "${manifest.id}", but the folder is ${id}`);
      const r = await publishBundle(db, course, bundle);
      out.push({ id, status: r.created ? "published" : "unchanged", version: r.version });
    } catch (e) {
      out.push({ id, status: "failed", error: (e as Error).message });
    }
  }
  // Versions recorded without fixtures (by the seed, or an older grader) get them now.
  await fillPublicFixtures(db, course, () => {});
  return out;
}

/** Writes version `version` (the newest when omitted) of exercise `slug` into the new folder `dir`. */
export async function exportVersion(db: Db, slug: string, version: number | undefined, dir: string): Promise<{ version: number; files: number }> {
  const row = await findExerciseVersion(db, slug, version);
  if (!row) throw new Error(version === undefined ? `no exercise "${slug}" has been published` : `exercise "${slug}" has no version ${version}`);
  if (row.bundle === null) throw new Error(`version ${row.version} of "${slug}" was recorded before versions kept their files; it cannot be exported`);
  const bundle = parseBundle(JSON.parse(row.bundle));
  await writeBundleFolder(bundle, dir);
  return { version: row.version, files: Object.keys(bundle.files).length };
}
