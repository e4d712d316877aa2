// Read models for the learner pages. Every query that returns per-user data takes the user's id
// and filters by it: a student only ever sees their own progress and scores.
import { RoleSchema, effectiveWindow, gradebookCells, type Db, type GradebookCell, type Role } from "@course/db";
import type { Locale } from "../i18n/index.ts";
import { asProgressStatus, summarize, type ProgressStatus, type ProgressSummary } from "./progress.ts";

export function localized(locale: Locale, en: string, zh: string | null | undefined): string {
  return locale === "zh-CN" && zh ? zh : en;
}

function role(value: string): Role {
  const parsed = RoleSchema.safeParse(value);
  return parsed.success ? parsed.data : "student";
}

export interface CatalogCourse {
  slug: string;
  title: string;
  description: string;
  lessons: number;
  assignments: number;
  role: Role | null;
}

export async function listCatalog(db: Db, userId: string | null, locale: Locale): Promise<CatalogCourse[]> {
  const courses = await db.course.findMany({
    where: { published: true, archivedAt: null },
    orderBy: { createdAt: "asc" },
    include: {
      _count: { select: { lessons: true, assignments: true } },
      enrollments: userId ? { where: { userId }, select: { role: true } } : false,
    },
  });
  return courses.map((c) => ({
    slug: c.slug,
    title: localized(locale, c.title, c.titleZh),
    description: localized(locale, c.description, c.descriptionZh),
    lessons: c._count.lessons,
    assignments: c._count.assignments,
    role: c.enrollments?.[0] ? role(c.enrollments[0].role) : null,
  }));
}

export interface MyCourse extends CatalogCourse {
  role: Role;
  progress: ProgressSummary;
}

export async function listMyCourses(db: Db, userId: string, locale: Locale): Promise<MyCourse[]> {
  const enrollments = await db.enrollment.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    include: {
      course: {
        include: {
          _count: { select: { assignments: true } },
          lessons: { select: { progress: { where: { userId }, select: { status: true } } } },
        },
      },
    },
  });
  return enrollments.map(({ course, role: r }) => ({
    slug: course.slug,
    title: localized(locale, course.title, course.titleZh),
    description: localized(locale, course.description, course.descriptionZh),
    lessons: course.lessons.length,
    assignments: course._count.assignments,
    role: role(r),
    progress: summarize(course.lessons.map((l) => asProgressStatus(l.progress[0]?.status))),
  }));
}

export type DueState = "upcoming" | "open" | "late" | "closed";

/** Where an assignment stands at `now`: not yet open, open, in its late window, or closed. */
export function dueState(a: { opensAt: Date | null; dueAt: Date | null; lateDueAt: Date | null }, now: Date): DueState {
  if (a.opensAt && now < a.opensAt) return "upcoming";
  if (!a.dueAt || now <= a.dueAt) return "open";
  if (a.lateDueAt && now <= a.lateDueAt) return "late";
  return "closed";
}

export interface CourseLesson {
  id: string;
  slug: string;
  position: number;
  title: string;
  status: ProgressStatus;
}

export interface CourseAssignment {
  id: string;
  exerciseSlug: string;
  title: string;
  position: number;
  lessonPosition: number | null;
  opensAt: Date | null;
  dueAt: Date | null;
  lateDueAt: Date | null;
  points: number;
  state: DueState;
  bestScore: number | null;
  attempts: number;
}

export interface CourseHeader {
  id: string;
  slug: string;
  title: string;
  description: string;
  /** Archived courses stay readable to their members; staff see a notice. */
  archived: boolean;
}

export async function findCourse(db: Db, slug: string, locale: Locale): Promise<CourseHeader | null> {
  const c = await db.course.findUnique({ where: { slug } });
  if (!c) return null;
  return { id: c.id, slug: c.slug, title: localized(locale, c.title, c.titleZh), description: localized(locale, c.description, c.descriptionZh), archived: c.archivedAt !== null };
}

export async function findEnrollment(db: Db, courseId: string, userId: string): Promise<Role | null> {
  const e = await db.enrollment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: { role: true } });
  return e ? role(e.role) : null;
}

export async function courseLessons(db: Db, courseId: string, userId: string, locale: Locale): Promise<CourseLesson[]> {
  const lessons = await db.lesson.findMany({
    where: { courseId },
    orderBy: { position: "asc" },
    include: { progress: { where: { userId }, select: { status: true } } },
  });
  return lessons.map((l) => ({
    id: l.id,
    slug: l.slug,
    position: l.position,
    title: localized(locale, l.title, l.titleZh),
    status: asProgressStatus(l.progress[0]?.status),
  }));
}

export async function courseAssignments(db: Db, courseId: string, userId: string, locale: Locale, now: Date = new Date()): Promise<CourseAssignment[]> {
  const [assignments, scores, extensions] = await Promise.all([
    db.assignment.findMany({
      where: { courseId },
      orderBy: { position: "asc" },
      include: { exercise: { select: { slug: true, title: true, titleZh: true, lesson: { select: { position: true } } } } },
    }),
    db.submission.groupBy({
      by: ["assignmentId"],
      where: { userId, assignment: { courseId } },
      _max: { score: true },
      _count: { _all: true },
    }),
    // The student's own extensions: their dates replace the assignment's on the course page.
    db.extension.findMany({ where: { userId, assignment: { courseId } }, select: { assignmentId: true, dueAt: true, lateDueAt: true, extraAttempts: true } }),
  ]);
  const byAssignment = new Map(scores.map((s) => [s.assignmentId, s]));
  const extensionOf = new Map(extensions.map((e) => [e.assignmentId, e]));
  return assignments.map((assignment) => {
    const a = effectiveWindow(assignment, extensionOf.get(assignment.id));
    const s = byAssignment.get(a.id);
    return {
      id: a.id,
      exerciseSlug: a.exercise.slug,
      title: localized(locale, a.exercise.title, a.exercise.titleZh),
      position: a.position,
      lessonPosition: a.exercise.lesson?.position ?? null,
      opensAt: a.opensAt,
      dueAt: a.dueAt,
      lateDueAt: a.lateDueAt,
      points: a.points,
      state: dueState(a, now),
      bestScore: s?._max.score ?? null,
      attempts: s?._count._all ?? 0,
    };
  });
}

export interface GradebookRow {
  userId: string;
  name: string;
  email: string;
  /** The counting score per assignment (by its scoring policy), null when nothing is graded. */
  scores: (number | null)[];
  /** Per assignment: the counting submission, late flag and attempts (null: never submitted). */
  cells: (GradebookCell | null)[];
  total: number;
}

export interface GradebookAssignment {
  id: string;
  exerciseSlug: string;
  /** The exercise's title in the viewer's locale. */
  title: string;
  points: number;
  scoringPolicy: "best" | "last";
  /** The lesson the exercise belongs to (position and title in the viewer's locale), if any. */
  lesson: { position: number; title: string } | null;
}

export interface Gradebook {
  assignments: GradebookAssignment[];
  rows: GradebookRow[];
}

/**
 * Students × assignments counting scores: each assignment's best or last attempt by its scoring
 * policy (for instructors and TAs only: the caller checks the role).
 */
export async function gradebook(db: Db, courseId: string, locale: Locale): Promise<Gradebook> {
  const [assignments, students, cells] = await Promise.all([
    db.assignment.findMany({
      where: { courseId },
      orderBy: { position: "asc" },
      include: { exercise: { select: { slug: true, title: true, titleZh: true, lesson: { select: { position: true, title: true, titleZh: true } } } } },
    }),
    db.enrollment.findMany({ where: { courseId, role: "student" }, include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } }),
    gradebookCells(db, courseId),
  ]);
  return {
    assignments: assignments.map((a) => {
      const lesson = a.exercise.lesson;
      return {
        id: a.id,
        exerciseSlug: a.exercise.slug,
        title: localized(locale, a.exercise.title, a.exercise.titleZh),
        points: a.points,
        scoringPolicy: a.scoringPolicy === "last" ? ("last" as const) : ("best" as const),
        lesson: lesson ? { position: lesson.position, title: localized(locale, lesson.title, lesson.titleZh) } : null,
      };
    }),
    rows: students.map(({ user }) => {
      const rowCells = assignments.map((a) => cells.get(`${user.id}\u0000${a.id}`) ?? null);
      const row = rowCells.map((c) => c?.score ?? null);
      return { userId: user.id, name: user.name, email: user.email, scores: row, cells: rowCells, total: row.reduce<number>((sum, s) => sum + (s ?? 0), 0) };
    }),
  };
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const s = String(value);
  // Quote when needed; neutralise spreadsheet formulas (=, +, -, @ at the start).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function gradebookCsv(g: Gradebook): string {
  const header = ["name", "email", ...g.assignments.map((a) => a.exerciseSlug), "total"];
  const lines = [header, ...g.rows.map((r) => [r.name, r.email, ...r.scores.map((s) => (s === null ? null : Math.round(s * 100) / 100)), Math.round(r.total * 100) / 100])];
  return lines.map((l) => l.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
