// The exercise catalogue as the lessons see it. Exercise ids, lessons, order and exports have one
// home, each exercises/<id>/exercise.json (read by @course/exercises/catalogue); this module adds the
// lesson slugs. COURSE.md's catalogue is checked against it by catalog.test.ts.
import { exerciseCatalogue, exerciseIds, isExerciseId, type ExerciseId } from "@course/exercises/catalogue";

export { exerciseIds, isExerciseId, type ExerciseId };

export const lessonSlugs = [
  "01-tensors-and-the-neuron",
  "02-losses-and-gradient-descent",
  "03-backpropagation",
  "04-optimisers",
  "05-convolutional-networks",
  "06-recurrent-networks",
  "07-attention",
  "08-the-transformer",
  "09-generative-adversarial-networks",
  "10-data-training-and-evaluation",
  "11-building-blocks-with-tfjs",
  "12-interpretability-and-deployment",
] as const;

export type LessonSlug = (typeof lessonSlugs)[number];

export interface CatalogEntry {
  readonly id: ExerciseId;
  /** Lesson number, 1-based. */
  readonly lesson: number;
  readonly lessonSlug: LessonSlug;
  /** Names the student's module must export. */
  readonly exports: readonly string[];
}

function slugOf(lesson: number): LessonSlug {
  const slug = lessonSlugs[lesson - 1];
  if (slug === undefined) throw new RangeError(`no lesson ${lesson}`);
  return slug;
}

/** The catalogue in course order (by lesson, then the exercise's order within it). */
export const catalog: readonly CatalogEntry[] = exerciseCatalogue.map(({ id, lesson, exports }) => ({
  id,
  lesson,
  lessonSlug: slugOf(lesson),
  exports,
}));

/** The catalogue entry of one exercise. */
export function exerciseById(id: ExerciseId): CatalogEntry {
  const entry = catalog.find((e) => e.id === id);
  if (entry === undefined) throw new RangeError(`unknown exercise ${id}`);
  return entry;
}

/** Exercise ids of one lesson, in catalogue order. */
export function exercisesOfLesson(slug: LessonSlug): ExerciseId[] {
  return catalog.filter((e) => e.lessonSlug === slug).map((e) => e.id);
}
