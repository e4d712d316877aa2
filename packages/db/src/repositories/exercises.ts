import type { Db } from "../client.ts";

export interface ExerciseSnapshot {
  slug: string;
  title: string;
  titleZh?: string | null;
  lessonId?: string | null;
  /** The authoring course (null or absent: the built-in catalogue). */
  courseId?: string | null;
  contentHash: string;
  manifest: unknown;
  starterCode: string;
  /** The version's files as exercise-kit's ExerciseBundle (stored as JSON). */
  bundle?: unknown;
  /** Public tests' calls and expected values, when already computed (exercise-kit's PublicFixtures). */
  publicFixtures?: unknown;
}

/**
 * Records an exercise and, when its content changed, a new immutable version. Versions are never
 * edited: submissions keep pointing at the one they were graded against.
 */
export async function publishExerciseVersion(db: Db, s: ExerciseSnapshot) {
  const exercise = await db.exercise.upsert({
    where: { slug: s.slug },
    create: { slug: s.slug, title: s.title, titleZh: s.titleZh ?? null, lessonId: s.lessonId ?? null, courseId: s.courseId ?? null },
    update: { title: s.title, titleZh: s.titleZh ?? null, ...(s.lessonId === undefined ? {} : { lessonId: s.lessonId }) },
  });
  const existing = await db.exerciseVersion.findUnique({
    where: { exerciseId_contentHash: { exerciseId: exercise.id, contentHash: s.contentHash } },
  });
  if (existing) return { exercise, version: existing, created: false };
  const last = await db.exerciseVersion.findFirst({ where: { exerciseId: exercise.id }, orderBy: { version: "desc" } });
  const version = await db.exerciseVersion.create({
    data: {
      exerciseId: exercise.id,
      version: (last?.version ?? 0) + 1,
      contentHash: s.contentHash,
      manifest: JSON.stringify(s.manifest),
      starterCode: s.starterCode,
      bundle: s.bundle === undefined ? null : JSON.stringify(s.bundle),
      publicFixtures: s.publicFixtures === undefined ? null : JSON.stringify(s.publicFixtures),
    },
  });
  return { exercise, version, created: true };
}

/** What the grader needs to load a version: its content hash and files (JSON text, or null). */
export async function findVersionBundle(db: Db, versionId: string): Promise<{ contentHash: string; bundle: string | null } | null> {
  return db.exerciseVersion.findUnique({ where: { id: versionId }, select: { contentHash: true, bundle: true } });
}

/** Versions with files but no public fixtures yet (the grader computes them). */
export async function versionsMissingFixtures(db: Db): Promise<{ id: string; contentHash: string }[]> {
  return db.exerciseVersion.findMany({ where: { publicFixtures: null, NOT: { bundle: null } }, select: { id: true, contentHash: true }, orderBy: { createdAt: "asc" } });
}

/** Stores a version's public fixtures once; a version that already has them keeps them. */
export async function storePublicFixtures(db: Db, versionId: string, fixtures: unknown): Promise<boolean> {
  const r = await db.exerciseVersion.updateMany({ where: { id: versionId, publicFixtures: null }, data: { publicFixtures: JSON.stringify(fixtures) } });
  return r.count === 1;
}

/** An exercise's versions, newest first (number, hash, when). */
export async function listExerciseVersions(db: Db, slug: string) {
  return db.exerciseVersion.findMany({
    where: { exercise: { slug } },
    orderBy: { version: "desc" },
    select: { id: true, version: true, contentHash: true, createdAt: true },
  });
}

/** One version of an exercise (the newest when `version` is omitted), with its files. */
export async function findExerciseVersion(db: Db, slug: string, version?: number) {
  return db.exerciseVersion.findFirst({
    where: { exercise: { slug }, ...(version === undefined ? {} : { version }) },
    orderBy: { version: "desc" },
    select: { id: true, version: true, contentHash: true, bundle: true, publicFixtures: true, manifest: true, starterCode: true, createdAt: true },
  });
}
