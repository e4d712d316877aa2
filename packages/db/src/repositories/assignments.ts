// Assignments as instructors set them up: the exercise (and optionally a pinned version), the
// dates, the late penalty, the attempt limit, the points and the scoring policy.
import { z } from "zod";
import type { Db } from "../client.ts";
import { DomainError } from "../errors.ts";
import { recordAudit } from "./audit.ts";

export const ScoringPolicySchema = z.enum(["best", "last"]);

/** Form fields left empty arrive as "" (or not at all): both mean "none". */
const emptyAsNull = (v: unknown) => (v === "" || v === undefined ? null : v);

/** An instant with its offset (what the settings forms send), or empty for "none". */
export const OptionalInstantSchema = z
  .preprocess(
    emptyAsNull,
    z.iso.datetime({ offset: true, message: "Enter a date and time." }).nullable(),
  )
  .transform((s) => (s === null ? null : new Date(s)));

/** The settings of an assignment, validated as a whole (the dates must be in order). */
export const AssignmentSettingsSchema = z
  .object({
    exerciseVersionId: z.preprocess(emptyAsNull, z.string().max(100).nullable()),
    opensAt: OptionalInstantSchema,
    dueAt: OptionalInstantSchema,
    lateDueAt: OptionalInstantSchema,
    latePenalty: z.coerce
      .number({ message: "Enter a number between 0 and 1." })
      .min(0, "The late penalty is a fraction between 0 and 1.")
      .max(1, "The late penalty is a fraction between 0 and 1."),
    maxAttempts: z.preprocess(
      emptyAsNull,
      z.coerce
        .number({ message: "Enter a whole number of attempts." })
        .int("Enter a whole number of attempts.")
        .min(1, "Allow at least one attempt, or leave empty for unlimited.")
        .max(1000, "At most 1000 attempts.")
        .nullable(),
    ),
    points: z.coerce
      .number({ message: "Enter the points." })
      .positive("Points must be more than 0.")
      .max(10_000, "At most 10000 points."),
    scoringPolicy: ScoringPolicySchema,
  })
  .superRefine((s, ctx) => {
    if (s.lateDueAt && !s.dueAt)
      ctx.addIssue({
        code: "custom",
        path: ["lateDueAt"],
        message: "Set a due date before a late due date.",
      });
    if (s.lateDueAt && s.dueAt && s.lateDueAt <= s.dueAt)
      ctx.addIssue({
        code: "custom",
        path: ["lateDueAt"],
        message: "The late due date must be after the due date.",
      });
    if (s.opensAt && s.dueAt && s.dueAt <= s.opensAt)
      ctx.addIssue({
        code: "custom",
        path: ["dueAt"],
        message: "The due date must be after the opening date.",
      });
  });
export type AssignmentSettings = z.output<typeof AssignmentSettingsSchema>;

export const NewAssignmentSchema = z.intersection(
  z.object({ exerciseId: z.string().min(1, "Choose an exercise.").max(100) }),
  AssignmentSettingsSchema,
);

const SETTINGS_FIELDS = [
  "exerciseVersionId",
  "opensAt",
  "dueAt",
  "lateDueAt",
  "latePenalty",
  "maxAttempts",
  "points",
  "scoringPolicy",
] as const;

function settingsOf(a: Record<(typeof SETTINGS_FIELDS)[number], unknown>) {
  return Object.fromEntries(SETTINGS_FIELDS.map((k) => [k, a[k]]));
}

async function assertVersionOf(db: Db, exerciseId: string, versionId: string | null) {
  if (versionId === null) return;
  const v = await db.exerciseVersion.findFirst({
    where: { id: versionId, exerciseId },
    select: { id: true },
  });
  if (!v)
    throw new DomainError(
      "not_found",
      "That version does not belong to this assignment's exercise.",
    );
}

/** Exercises an instructor may assign in a course: the built-in catalogue and the course's own. */
export function assignableExercises(db: Db, courseId: string) {
  return db.exercise.findMany({
    where: { OR: [{ courseId: null }, { courseId }] },
    orderBy: { slug: "asc" },
    select: EXERCISE_WITH_VERSIONS,
  });
}

export async function createAssignment(db: Db, courseId: string, actorId: string, input: unknown) {
  const s = NewAssignmentSchema.parse(input);
  const exercise = await db.exercise.findFirst({
    where: { id: s.exerciseId, OR: [{ courseId: null }, { courseId }] },
    select: { id: true },
  });
  if (!exercise) throw new DomainError("not_found", "No such exercise.");
  await assertVersionOf(db, exercise.id, s.exerciseVersionId);
  const { exerciseId, ...settings } = s;
  try {
    return await db.$transaction(async (tx) => {
      const last = await tx.assignment.findFirst({
        where: { courseId },
        orderBy: { position: "desc" },
        select: { position: true },
      });
      const created = await tx.assignment.create({
        data: { courseId, exerciseId, position: (last?.position ?? 0) + 1, ...settings },
      });
      await recordAudit(tx, {
        actorId,
        courseId,
        action: "assignment.create",
        entityType: "Assignment",
        entityId: created.id,
        after: { exerciseId, ...settingsOf(created) },
      });
      return created;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      throw new DomainError("conflict", "This course already has an assignment for that exercise.");
    throw error;
  }
}

export async function updateAssignment(
  db: Db,
  assignmentId: string,
  actorId: string,
  input: unknown,
) {
  const s = AssignmentSettingsSchema.parse(input);
  const before = await db.assignment.findUnique({ where: { id: assignmentId } });
  if (!before) throw new DomainError("not_found", "No such assignment.");
  await assertVersionOf(db, before.exerciseId, s.exerciseVersionId);
  return db.$transaction(async (tx) => {
    const after = await tx.assignment.update({ where: { id: assignmentId }, data: s });
    await recordAudit(tx, {
      actorId,
      courseId: before.courseId,
      action: "assignment.update",
      entityType: "Assignment",
      entityId: assignmentId,
      before: settingsOf(before),
      after: settingsOf(after),
    });
    return after;
  });
}

/** Deletes an assignment nobody has submitted to (submissions are never thrown away). */
export async function deleteAssignment(db: Db, assignmentId: string, actorId: string) {
  const before = await db.assignment.findUnique({
    where: { id: assignmentId },
    include: { _count: { select: { submissions: true } } },
  });
  if (!before) throw new DomainError("not_found", "No such assignment.");
  if (before._count.submissions > 0) {
    throw new DomainError(
      "conflict",
      `Students have already submitted ${before._count.submissions} times; an assignment with submissions cannot be deleted (close it by setting its due date instead).`,
    );
  }
  await db.$transaction(async (tx) => {
    await tx.assignment.delete({ where: { id: assignmentId } });
    await recordAudit(tx, {
      actorId,
      courseId: before.courseId,
      action: "assignment.delete",
      entityType: "Assignment",
      entityId: assignmentId,
      before: { exerciseId: before.exerciseId, ...settingsOf(before) },
    });
  });
}

/** An exercise as the staff assignment pages show it: titles and every version, newest first. */
const EXERCISE_WITH_VERSIONS = {
  id: true,
  slug: true,
  title: true,
  titleZh: true,
  versions: { orderBy: { version: "desc" }, select: { id: true, version: true, createdAt: true } },
} as const;

/** A course's assignments for the staff list, with the exercise, its versions and the pinned one. */
export function listStaffAssignments(db: Db, courseId: string) {
  return db.assignment.findMany({
    where: { courseId },
    orderBy: { position: "asc" },
    include: {
      exercise: { select: EXERCISE_WITH_VERSIONS },
      exerciseVersion: { select: { id: true, version: true } },
      _count: { select: { submissions: true, extensions: true } },
    },
  });
}

/** One assignment of a course, by id or by its exercise's slug, with what the staff pages show. */
export function findStaffAssignment(db: Db, courseId: string, exerciseSlug: string) {
  return db.assignment.findFirst({
    where: { courseId, exercise: { slug: exerciseSlug } },
    include: {
      exercise: { select: EXERCISE_WITH_VERSIONS },
      exerciseVersion: { select: { id: true, version: true } },
    },
  });
}
