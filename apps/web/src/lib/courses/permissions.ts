// What each role may do in a course: the one table every staff page and route asks (part A's
// course tools and part B's assignment tools alike).
//   instructor: everything in their courses;
//   TA: reads everything and takes grading actions, but cannot change the course's settings,
//       its roster's roles or members, or its join codes;
//   student: their own work only (no staff action).
import type { Role } from "@course/db";

export const COURSE_ACTIONS = [
  /** Open the staff pages: overview, gradebook, roster, submissions (read). */
  "viewStaffPages",
  /** Grading actions: regrade, extensions, extra attempts, issuing a student's reset link. */
  "grade",
  /** Change the course's settings: title, description, language, published, archive. */
  "manageCourse",
  /** Create and revoke join codes, and see who used them. */
  "manageJoinCodes",
  /** Change roles, remove members, import the roster. */
  "manageRoster",
  /** Edit assignments: dates, version, penalties, attempts, scoring policy. */
  "manageAssignments",
  /** Write, check, preview and publish the course's own exercises (their tests and references). */
  "authorExercises",
  /** Read the course's audit log. */
  "viewAudit",
] as const;

export type CourseAction = (typeof COURSE_ACTIONS)[number];

const TA_ACTIONS: ReadonlySet<CourseAction> = new Set(["viewStaffPages", "grade"]);

/** Whether someone with `role` in a course (null: not a member) may take `action` there. */
export function can(role: Role | null | undefined, action: CourseAction): boolean {
  if (role === "instructor") return true;
  if (role === "ta") return TA_ACTIONS.has(action);
  return false;
}

/** The actions a role may take (for showing only the tabs and buttons that will work). */
export function allowedActions(role: Role | null | undefined): CourseAction[] {
  return COURSE_ACTIONS.filter((a) => can(role, a));
}
