// Per-student extensions: later dates and extra attempts for one student on one assignment.
// Granted, changed and removed by the course's instructors and TAs; every change is audited.
import { z } from "zod";
import type { Db } from "../client.ts";
import { DomainError } from "../errors.ts";
import { OptionalInstantSchema } from "./assignments.ts";
import { effectiveWindow } from "./grading-policy.ts";
import { recordAudit } from "./audit.ts";

export const ExtensionInputSchema = z
  .object({
    userId: z.string().min(1, "Choose a student.").max(100),
    dueAt: OptionalInstantSchema,
    lateDueAt: OptionalInstantSchema,
    extraAttempts: z.coerce
      .number()
      .int("Enter a whole number of attempts.")
      .min(0, "Extra attempts cannot be negative.")
      .max(1000, "At most 1000 extra attempts.")
      .default(0),
    reason: z
      .string()
      .trim()
      .max(500, "Keep the reason under 500 characters.")
      .transform((r) => r || null)
      .nullable()
      .default(null),
  })
  .superRefine((e, ctx) => {
    if (!e.dueAt && !e.lateDueAt && e.extraAttempts === 0)
      ctx.addIssue({
        code: "custom",
        path: ["dueAt"],
        message: "An extension needs a new due date, a new late due date or extra attempts.",
      });
    if (e.dueAt && e.lateDueAt && e.lateDueAt <= e.dueAt)
      ctx.addIssue({
        code: "custom",
        path: ["lateDueAt"],
        message: "The late due date must be after the due date.",
      });
  });

const FIELDS = ["dueAt", "lateDueAt", "extraAttempts", "reason"] as const;
const termsOf = (e: Record<(typeof FIELDS)[number], unknown>) =>
  Object.fromEntries(FIELDS.map((k) => [k, e[k]]));

/** Grants or replaces a student's extension on an assignment of `courseId`. */
export async function upsertExtension(
  db: Db,
  courseId: string,
  assignmentId: string,
  actorId: string,
  input: unknown,
) {
  const e = ExtensionInputSchema.parse(input);
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, courseId },
    select: { id: true },
  });
  if (!assignment) throw new DomainError("not_found", "No such assignment.");
  const student = await db.enrollment.findUnique({
    where: { userId_courseId: { userId: e.userId, courseId } },
    select: { role: true },
  });
  if (!student || student.role !== "student")
    throw new DomainError("not_found", "That person is not a student of this course.");
  return db.$transaction(async (tx) => {
    const before = await tx.extension.findUnique({
      where: { assignmentId_userId: { assignmentId, userId: e.userId } },
    });
    const terms = {
      dueAt: e.dueAt,
      lateDueAt: e.lateDueAt,
      extraAttempts: e.extraAttempts,
      reason: e.reason,
    };
    const after = await tx.extension.upsert({
      where: { assignmentId_userId: { assignmentId, userId: e.userId } },
      create: { assignmentId, userId: e.userId, createdById: actorId, ...terms },
      update: terms,
    });
    await recordAudit(tx, {
      actorId,
      courseId,
      action: before ? "extension.update" : "extension.grant",
      entityType: "Extension",
      entityId: after.id,
      before: before ? { userId: e.userId, ...termsOf(before) } : null,
      after: { userId: e.userId, ...termsOf(after) },
    });
    return after;
  });
}

export async function removeExtension(
  db: Db,
  courseId: string,
  extensionId: string,
  actorId: string,
): Promise<void> {
  const before = await db.extension.findFirst({
    where: { id: extensionId, assignment: { courseId } },
  });
  if (!before) throw new DomainError("not_found", "No such extension.");
  await db.$transaction(async (tx) => {
    await tx.extension.delete({ where: { id: extensionId } });
    await recordAudit(tx, {
      actorId,
      courseId,
      action: "extension.remove",
      entityType: "Extension",
      entityId: extensionId,
      before: { userId: before.userId, ...termsOf(before) },
    });
  });
}

/** An assignment's extensions with the students' names, by name. */
export function listExtensions(db: Db, assignmentId: string) {
  return db.extension.findMany({
    where: { assignmentId },
    orderBy: { user: { name: "asc" } },
    include: { user: { select: { id: true, name: true, email: true } } },
  });
}

/** The dates and attempt limit one student works under on an assignment (their extension applied). */
export async function studentWindow(db: Db, assignmentId: string, userId: string) {
  const [assignment, extension] = await Promise.all([
    db.assignment.findUnique({
      where: { id: assignmentId },
      select: {
        opensAt: true,
        dueAt: true,
        lateDueAt: true,
        latePenalty: true,
        maxAttempts: true,
        points: true,
      },
    }),
    db.extension.findUnique({
      where: { assignmentId_userId: { assignmentId, userId } },
      select: { dueAt: true, lateDueAt: true, extraAttempts: true },
    }),
  ]);
  if (!assignment) return null;
  return { window: effectiveWindow(assignment, extension), extension };
}
