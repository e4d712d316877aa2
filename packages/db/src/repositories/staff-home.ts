// The staff home: the courses a user teaches (instructor or TA, not archived) with what needs
// their attention now.
import type { Db } from "../client.ts";
import { RoleSchema, type Role } from "../enums.ts";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface StaffCourse {
  id: string;
  slug: string;
  title: string;
  titleZh: string | null;
  published: boolean;
  role: Role;
  students: number;
  /** Grading jobs of the course's submissions that failed (infrastructure) and wait for staff. */
  failedJobs: number;
  /** Assignments due between now and seven days from now, soonest first. */
  dueThisWeek: { exerciseSlug: string; title: string; titleZh: string | null; dueAt: Date }[];
  /** Students who have not submitted anything in the course yet. */
  studentsWithoutSubmission: number;
}

export async function staffCourses(db: Db, userId: string, now: Date = new Date()): Promise<StaffCourse[]> {
  const enrollments = await db.enrollment.findMany({
    where: { userId, role: { in: ["instructor", "ta"] }, course: { archivedAt: null } },
    orderBy: { createdAt: "asc" },
    include: { course: { select: { id: true, slug: true, title: true, titleZh: true, published: true } } },
  });
  return Promise.all(
    enrollments.map(async ({ course, role }) => {
      const [students, failedJobs, due, silent] = await Promise.all([
        db.enrollment.count({ where: { courseId: course.id, role: "student" } }),
        db.gradingJob.count({ where: { status: "failed", submission: { assignment: { courseId: course.id } } } }),
        db.assignment.findMany({
          where: { courseId: course.id, dueAt: { gte: now, lte: new Date(now.getTime() + WEEK_MS) } },
          orderBy: { dueAt: "asc" },
          select: { dueAt: true, exercise: { select: { slug: true, title: true, titleZh: true } } },
        }),
        db.enrollment.count({ where: { courseId: course.id, role: "student", user: { submissions: { none: { assignment: { courseId: course.id } } } } } }),
      ]);
      return {
        ...course,
        role: RoleSchema.catch("student").parse(role),
        students,
        failedJobs,
        dueThisWeek: due.map((a) => ({ exerciseSlug: a.exercise.slug, title: a.exercise.title, titleZh: a.exercise.titleZh, dueAt: a.dueAt! })),
        studentsWithoutSubmission: silent,
      };
    }),
  );
}

/** Whether the user teaches any course (their sign-in lands on the staff home). */
export async function teachesAnyCourse(db: Db, userId: string): Promise<boolean> {
  return (await db.enrollment.count({ where: { userId, role: { in: ["instructor", "ta"] } } })) > 0;
}
