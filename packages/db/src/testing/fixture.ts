import { join } from "node:path";
import { bundleHash, bundleParts, readBundleFolder } from "@course/exercise-kit/bundle";
import type { Db } from "../client.ts";
import { publishExerciseVersion } from "../repositories/exercises.ts";
import { EXERCISES_DIR } from "../seed/content.ts";

export interface Fixture {
  courseId: string;
  studentId: string;
  otherStudentId: string;
  assignmentId: string;
  exerciseSlug: string;
}

/** A minimal course with one assignment and two enrolled students, for repository tests. */
export async function seedFixture(db: Db, opts: { maxAttempts?: number | null; dueAt?: Date | null; lateDueAt?: Date | null; latePenalty?: number } = {}): Promise<Fixture> {
  const course = await db.course.create({ data: { slug: "c1", title: "Course", description: "d" } });
  const [a, b] = await Promise.all(
    ["a@example.com", "b@example.com"].map((email) =>
      db.user.create({ data: { email, name: email, passwordHash: "x" } }),
    ),
  );
  await db.enrollment.createMany({
    data: [a!, b!].map((u) => ({ userId: u.id, courseId: course.id, role: "student" })),
  });
  // The real built-in exercise, files and all: a grader can grade the fixture's submissions.
  const bundle = await readBundleFolder(join(EXERCISES_DIR, "dense-forward"));
  const parts = bundleParts(bundle);
  const { exercise } = await publishExerciseVersion(db, {
    slug: "dense-forward",
    title: parts.manifest.title.en,
    contentHash: bundleHash(bundle),
    manifest: parts.manifest,
    starterCode: parts.starter,
    bundle,
  });
  const assignment = await db.assignment.create({
    data: {
      courseId: course.id,
      exerciseId: exercise.id,
      position: 1,
      maxAttempts: opts.maxAttempts === undefined ? 3 : opts.maxAttempts,
      dueAt: opts.dueAt ?? null,
      lateDueAt: opts.lateDueAt ?? null,
      latePenalty: opts.latePenalty ?? 0,
      points: 100,
    },
  });
  return { courseId: course.id, studentId: a!.id, otherStudentId: b!.id, assignmentId: assignment.id, exerciseSlug: exercise.slug };
}
