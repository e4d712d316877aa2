// Who may do what on the assessment staff pages (assignments, extensions, the submission viewer,
// regrades, analytics), checked on the server for every page and API against the course
// permissions table.
import { forbidden, notFound } from "next/navigation";
import type { Role } from "@course/db";
import { ApiError } from "../api-error.ts";
import { requireUser } from "../auth.ts";
import { getDb } from "../db.ts";
import { getLocale } from "../i18n/server.ts";
import { can, type CourseAction } from "./permissions.ts";
import type { CourseHeader } from "./queries.ts";
import { staffAccess } from "./staff.ts";

/** read: see grades, submissions, analytics; extend/regrade: grading actions; editAssignment: settings. */
export type AssessAction = "read" | "extend" | "regrade" | "editAssignment";

const ACTION: Record<AssessAction, CourseAction> = { read: "viewStaffPages", extend: "grade", regrade: "grade", editAssignment: "manageAssignments" };

/** The course permissions table (permissions.ts) read for the assessment pages' actions. */
export function staffMay(role: Role, action: AssessAction): boolean {
  return can(role, ACTION[action]);
}

export interface StaffContext {
  course: CourseHeader;
  role: Role;
  userId: string;
}

/** For API routes: the course and role, or 404 (no course) / 403 (not staff, or a TA asking for settings). */
export async function staffApi(slug: string, userId: string, action: AssessAction): Promise<StaffContext> {
  const access = await staffAccess(getDb(), slug, userId, await getLocale());
  if (access.kind === "no_course") throw new ApiError(404, "not_found", "No such course.");
  if (access.kind === "forbidden") throw new ApiError(403, "forbidden", "Only the course's instructors and TAs can do this.");
  if (!staffMay(access.role, action)) throw new ApiError(403, "forbidden", "Only the course's instructors can change assignment settings.");
  return { course: access.course, role: access.role, userId };
}

/** For pages: signs in (redirect), then 404 / 403 pages as staffApi answers. */
export async function staffPage(slug: string, path: string, action: AssessAction): Promise<StaffContext> {
  const user = await requireUser(path);
  const access = await staffAccess(getDb(), slug, user.id, await getLocale());
  if (access.kind === "no_course") notFound();
  if (access.kind === "forbidden" || !staffMay(access.role, action)) forbidden();
  return { course: access.course, role: access.role, userId: user.id };
}
