// Existence checks for the course routes' layouts. A route with a loading.tsx starts streaming
// (and so commits to HTTP 200) as soon as its skeleton renders; a layout in the same folder
// renders before that boundary, so a notFound() there still answers with a real 404 status.
// Each check is one or two indexed lookups, memoised for the request with React's cache().
import { cache } from "react";
import type { Db } from "@course/db";
import { getDb } from "../db.ts";

export async function courseIdBySlug(db: Db, slug: string): Promise<string | null> {
  const course = await db.course.findUnique({ where: { slug }, select: { id: true } });
  return course?.id ?? null;
}

export async function lessonInCourse(db: Db, courseSlug: string, lessonSlug: string): Promise<boolean> {
  const courseId = await courseIdBySlug(db, courseSlug);
  if (!courseId) return false;
  const lesson = await db.lesson.findUnique({ where: { courseId_slug: { courseId, slug: lessonSlug } }, select: { id: true } });
  return lesson !== null;
}

export async function assignmentInCourse(db: Db, courseSlug: string, exerciseSlug: string): Promise<boolean> {
  const count = await db.assignment.count({ where: { course: { slug: courseSlug }, exercise: { slug: exerciseSlug } } });
  return count > 0;
}

/** Per-request memoised versions for server components (layouts and pages share them). */
export const courseExists = cache(async (slug: string) => (await courseIdBySlug(getDb(), slug)) !== null);
export const lessonExists = cache((courseSlug: string, lessonSlug: string) => lessonInCourse(getDb(), courseSlug, lessonSlug));
export const assignmentExists = cache((courseSlug: string, exerciseSlug: string) => assignmentInCourse(getDb(), courseSlug, exerciseSlug));

/** Whether the user is enrolled in a course that assigns this exercise (their history exists). */
export async function enrolledInAssignment(db: Db, courseSlug: string, exerciseSlug: string, userId: string): Promise<boolean> {
  const count = await db.assignment.count({
    where: { course: { slug: courseSlug, enrollments: { some: { userId } } }, exercise: { slug: exerciseSlug } },
  });
  return count > 0;
}

export const historyVisible = cache((courseSlug: string, exerciseSlug: string, userId: string) => enrolledInAssignment(getDb(), courseSlug, exerciseSlug, userId));

/** Whether visitors who are not signed in may see the course's public page (published, not archived). */
export async function coursePublic(db: Db, slug: string): Promise<boolean> {
  const count = await db.course.count({ where: { slug, published: true, archivedAt: null } });
  return count > 0;
}

export const coursePubliclyVisible = cache((slug: string) => coursePublic(getDb(), slug));
