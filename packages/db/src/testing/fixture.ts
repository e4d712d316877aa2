import type { Db } from "../client.ts";
import { publishExerciseVersion } from "../repositories/exercises.ts";

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
  const { exercise } = await publishExerciseVersion(db, {
    slug: "dense-forward",
    title: "Dense forward",
    contentHash: "h1",
    manifest: { id: "dense-forward" },
    starterCode: "export function denseForward() {}",
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
