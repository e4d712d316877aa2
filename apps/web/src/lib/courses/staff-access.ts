// The server-side role check of every staff page and route: the course exists (else 404), the
// user's role there allows the action (else 403; see ./permissions.ts).
import { cache } from "react";
import { forbidden, notFound } from "next/navigation";
import { canCreateCourses, teachesAnyCourse, type Db, type Role } from "@course/db";
import { ApiError } from "../api-error.ts";
import { requireUser, type CurrentUser } from "../auth.ts";
import { getDb } from "../db.ts";
import type { Locale } from "../i18n/index.ts";
import { getLocale } from "../i18n/server.ts";
import { can, type CourseAction } from "./permissions.ts";
import { findCourse, findEnrollment, type CourseHeader } from "./queries.ts";

export type CourseActionAccess = { kind: "no_course" } | { kind: "forbidden"; course: CourseHeader; role: Role | null } | { kind: "ok"; course: CourseHeader; role: Role };

export async function courseActionAccess(db: Db, slug: string, userId: string, locale: Locale, action: CourseAction): Promise<CourseActionAccess> {
  const course = await findCourse(db, slug, locale);
  if (!course) return { kind: "no_course" };
  const role = await findEnrollment(db, course.id, userId);
  return role && can(role, action) ? { kind: "ok", course, role } : { kind: "forbidden", course, role };
}

export interface StaffPageContext {
  user: CurrentUser;
  locale: Locale;
  db: Db;
  course: CourseHeader;
  role: Role;
}

/** For staff pages: signed in (else to /signin), the course exists (404), the action is allowed (403). */
export async function requireCourseAction(slug: string, action: CourseAction, path: string): Promise<StaffPageContext> {
  const user = await requireUser(path);
  const locale = await getLocale();
  const db = getDb();
  const access = await courseActionAccess(db, slug, user.id, locale, action);
  if (access.kind === "no_course") notFound();
  if (access.kind === "forbidden") forbidden();
  return { user, locale, db, course: access.course, role: access.role };
}

/** For staff API routes: the course and role, or a 404 / 403 ApiError that names nothing of the course. */
export async function apiCourseAction(db: Db, slug: string, user: CurrentUser, locale: Locale, action: CourseAction): Promise<{ course: CourseHeader; role: Role }> {
  const access = await courseActionAccess(db, slug, user.id, locale, action);
  if (access.kind === "no_course") throw new ApiError(404, "not_found", "No such course.");
  if (access.kind === "forbidden") throw new ApiError(403, "forbidden", "Your role in this course does not allow this.");
  return { course: access.course, role: access.role };
}

/** Whether the user teaches (staff in a course, or may create courses): the header shows the staff home. Cached per request. */
export const userTeaches = cache(async (userId: string): Promise<boolean> => {
  const db = getDb();
  return (await teachesAnyCourse(db, userId)) || (await canCreateCourses(db, userId));
});
