import type { Db } from "../client.ts";

export interface ExerciseSnapshot {
  slug: string;
  title: string;
  titleZh?: string | null;
  lessonId?: string | null;
  contentHash: string;
  manifest: unknown;
  starterCode: string;
}

/**
 * Records an exercise and, when its content changed, a new immutable version. Versions are never
 * edited: submissions keep pointing at the one they were graded against.
 */
export async function publishExerciseVersion(db: Db, s: ExerciseSnapshot) {
  const exercise = await db.exercise.upsert({
    where: { slug: s.slug },
    create: { slug: s.slug, title: s.title, titleZh: s.titleZh ?? null, lessonId: s.lessonId ?? null },
    update: { title: s.title, titleZh: s.titleZh ?? null, lessonId: s.lessonId ?? null },
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
    },
  });
  return { exercise, version, created: true };
}
