// Course staff (instructors and TAs) checks shared by the gradebook page and its CSV export.
import type { Db, Role } from "@course/db";
import type { Locale } from "../i18n/index.ts";
import { can } from "./permissions.ts";
import { findCourse, findEnrollment, type CourseHeader } from "./queries.ts";

/** Whether the role opens the staff pages (instructors and TAs; see ./permissions.ts). */
export function isStaff(role: Role | null): boolean {
  return can(role, "viewStaffPages");
}

export type StaffAccess = { kind: "no_course" } | { kind: "forbidden"; course: CourseHeader } | { kind: "ok"; course: CourseHeader; role: Role };

export async function staffAccess(db: Db, slug: string, userId: string, locale: Locale): Promise<StaffAccess> {
  const course = await findCourse(db, slug, locale);
  if (!course) return { kind: "no_course" };
  const role = await findEnrollment(db, course.id, userId);
  return role && isStaff(role) ? { kind: "ok", course, role } : { kind: "forbidden", course };
}
