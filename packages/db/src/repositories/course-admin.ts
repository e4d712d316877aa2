// Courses made and run by their instructors: create (the creator becomes the course's
// instructor), edit, archive. Every change is audited in the same transaction.
import type { Db } from "../client.ts";
import { DomainError } from "../errors.ts";
import { recordAudit } from "./audit.ts";

export interface CourseFields {
  title: string;
  titleZh: string | null;
  description: string;
  descriptionZh: string | null;
  language: string;
  published: boolean;
}

const FIELDS = { slug: true, title: true, titleZh: true, description: true, descriptionZh: true, language: true, published: true, archivedAt: true } as const;

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "P2002";
}

/** Creates a course with `actorId` as its instructor; DomainError conflict when the slug is taken. */
export async function createCourse(db: Db, actorId: string, input: CourseFields & { slug: string }) {
  try {
    return await db.$transaction(async (tx) => {
      const course = await tx.course.create({ data: input, select: { id: true, ...FIELDS } });
      await tx.enrollment.create({ data: { userId: actorId, courseId: course.id, role: "instructor" } });
      await recordAudit(tx, { actorId, courseId: course.id, action: "course.create", entityType: "Course", entityId: course.id, after: course });
      return course;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError("conflict", `The address ${input.slug} is already used by another course.`);
    throw error;
  }
}

export async function updateCourse(db: Db, actorId: string, courseId: string, input: CourseFields) {
  return db.$transaction(async (tx) => {
    const before = await tx.course.findUnique({ where: { id: courseId }, select: FIELDS });
    if (!before) throw new DomainError("not_found", "No such course.");
    const after = await tx.course.update({ where: { id: courseId }, data: input, select: FIELDS });
    await recordAudit(tx, { actorId, courseId, action: "course.update", entityType: "Course", entityId: courseId, before, after });
    return after;
  });
}

/** Archives (or restores) a course: archived courses leave the catalog and the staff home. */
export async function setCourseArchived(db: Db, actorId: string, courseId: string, archived: boolean, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const before = await tx.course.findUnique({ where: { id: courseId }, select: { archivedAt: true } });
    if (!before) throw new DomainError("not_found", "No such course.");
    const after = await tx.course.update({ where: { id: courseId }, data: { archivedAt: archived ? (before.archivedAt ?? now) : null }, select: { archivedAt: true } });
    await recordAudit(tx, { actorId, courseId, action: archived ? "course.archive" : "course.restore", entityType: "Course", entityId: courseId, before, after });
    return after;
  });
}

/** A course's editable fields, both languages (the settings form). */
export async function courseSettings(db: Db, courseId: string) {
  return db.course.findUniqueOrThrow({ where: { id: courseId }, select: FIELDS });
}
