// Exercise authoring is for the course's instructors only: TAs and students get no drafts,
// tests, references or mutants. Pages answer forbidden / not found; APIs answer 404 without
// saying whether the course exists.
import type { Db } from "@course/db";
import { ApiError } from "../api-error.ts";
import { can } from "../courses/permissions.ts";
import { findCourse, findEnrollment, type CourseHeader } from "../courses/queries.ts";
import type { Locale } from "../i18n/index.ts";

export type InstructorAccess =
  | { kind: "no_course" }
  | { kind: "forbidden"; course: CourseHeader }
  | { kind: "ok"; course: CourseHeader };

export async function instructorAccess(
  db: Db,
  slug: string,
  userId: string,
  locale: Locale,
): Promise<InstructorAccess> {
  const course = await findCourse(db, slug, locale);
  if (!course) return { kind: "no_course" };
  return can(await findEnrollment(db, course.id, userId), "authorExercises")
    ? { kind: "ok", course }
    : { kind: "forbidden", course };
}

/** For API routes: the course, when the user is one of its instructors; otherwise a 404. */
export async function requireInstructor(
  db: Db,
  slug: string,
  userId: string,
): Promise<CourseHeader> {
  const access = await instructorAccess(db, slug, userId, "en");
  if (access.kind !== "ok") throw new ApiError(404, "not_found", "Not found.");
  return access.course;
}
