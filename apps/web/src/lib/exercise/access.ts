/**
 * Server-side lookups for the exercise page and its API, always scoped to the signed-in user:
 * an assignment is visible only to users enrolled in its course; anything else is "not found"
 * (no hint that it exists).
 */
import { DomainError, type Db } from "@course/db";

/** An assignment with its exercise, if `userId` is enrolled in its course. */
export async function assignmentForUser(db: Db, assignmentId: string, userId: string) {
  const assignment = await db.assignment.findUnique({
    where: { id: assignmentId },
    include: { exercise: true, course: { select: { id: true, slug: true } } },
  });
  if (!assignment) throw new DomainError("not_found", "No such assignment.");
  const enrollment = await db.enrollment.findUnique({ where: { userId_courseId: { userId, courseId: assignment.courseId } } });
  if (!enrollment) throw new DomainError("not_found", "No such assignment.");
  return assignment;
}

/** The assignment for exercise `exerciseSlug` in course `courseSlug`, with the user's enrollment (or null). */
export async function assignmentBySlugs(db: Db, courseSlug: string, exerciseSlug: string, userId: string) {
  const course = await db.course.findUnique({ where: { slug: courseSlug }, select: { id: true, slug: true, title: true, titleZh: true } });
  if (!course) return null;
  const exercise = await db.exercise.findUnique({ where: { slug: exerciseSlug } });
  if (!exercise) return null;
  const assignment = await db.assignment.findUnique({ where: { courseId_exerciseId: { courseId: course.id, exerciseId: exercise.id } } });
  if (!assignment) return null;
  const enrollment = await db.enrollment.findUnique({ where: { userId_courseId: { userId, courseId: course.id } } });
  return { course, exercise, assignment, enrollment };
}

/**
 * The version of exercise `exerciseSlug` the user works on: their course's assignment of it pins
 * one (its id) or takes the newest (null); undefined when no course of theirs assigns it.
 */
export async function viewerVersion(db: Db, exerciseSlug: string, userId: string): Promise<string | null | undefined> {
  const assignment = await db.assignment.findFirst({
    where: { exercise: { slug: exerciseSlug }, course: { enrollments: { some: { userId } } } },
    select: { exerciseVersionId: true },
  });
  return assignment === null ? undefined : assignment.exerciseVersionId;
}

export const submissionInclude = {
  gradingJob: { include: { testResults: { orderBy: { position: "asc" as const } } } },
  exerciseVersion: { select: { version: true } },
};
