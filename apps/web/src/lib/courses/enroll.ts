// Enrolling with a join code.
import { z } from "zod";
import { DomainError, recordAudit, RoleSchema, type Db, type Role } from "@course/db";
import { courseMessages } from "../i18n/messages/courses.ts";
import { staffMessages } from "../i18n/messages/staff.ts";
import { translator, type Locale } from "../i18n/index.ts";

export function joinCodeSchema(locale: Locale) {
  const t = translator(courseMessages, locale);
  return z.object({
    code: z
      .string({ error: t("codeRequired") })
      .trim()
      .min(1, t("codeRequired"))
      .toUpperCase()
      .pipe(z.string().regex(/^[A-Z0-9-]{3,40}$/, t("codeFormat"))),
  });
}

/** Enrolls the user with `code`; DomainError invalid_code / expired_code (expired, revoked, used up) / already_enrolled otherwise. */
export async function enrollWithCode(db: Db, userId: string, code: string, locale: Locale, now: Date = new Date()) {
  const t = translator(courseMessages, locale);
  const joinCode = await db.joinCode.findUnique({ where: { code }, include: { course: { select: { id: true, slug: true } } } });
  if (!joinCode) throw new DomainError("invalid_code", t("codeInvalid"));
  if (joinCode.revokedAt) throw new DomainError("expired_code", translator(staffMessages, locale)("codeRevoked"));
  if (joinCode.expiresAt && joinCode.expiresAt <= now) throw new DomainError("expired_code", t("codeExpired"));
  if (joinCode.maxUses !== null && joinCode.uses >= joinCode.maxUses) throw new DomainError("expired_code", t("codeUsedUp"));
  const role = RoleSchema.parse(joinCode.role);

  const existing = await db.enrollment.findUnique({ where: { userId_courseId: { userId, courseId: joinCode.courseId } } });
  if (existing) throw new DomainError("already_enrolled", t("alreadyEnrolled"));

  try {
    return await claimAndEnroll(db, joinCode, userId, role, code, t);
  } catch (error) {
    // The same user joining twice at once: the unique (userId, courseId) index decides.
    if ((error as { code?: string }).code === "P2002") throw new DomainError("already_enrolled", t("alreadyEnrolled"));
    throw error;
  }
}

async function claimAndEnroll(
  db: Db,
  joinCode: { id: string; courseId: string; maxUses: number | null; course: { slug: string } },
  userId: string,
  role: Role,
  code: string,
  t: (key: "codeUsedUp") => string,
) {
  return db.$transaction(async (tx) => {
    // Count the use only if the code still has uses left at this instant (no overshoot under races).
    const claimed = await tx.joinCode.updateMany({
      where: { id: joinCode.id, revokedAt: null, ...(joinCode.maxUses !== null ? { uses: { lt: joinCode.maxUses } } : {}) },
      data: { uses: { increment: 1 } },
    });
    if (claimed.count === 0) throw new DomainError("expired_code", t("codeUsedUp"));
    // joinCodeId: staff see who used each code.
    const enrollment = await tx.enrollment.create({ data: { userId, courseId: joinCode.courseId, role, joinCodeId: joinCode.id } });
    await recordAudit(tx, { actorId: userId, courseId: joinCode.courseId, action: "enroll", entityType: "Enrollment", entityId: enrollment.id, after: { code, role } });
    return { courseSlug: joinCode.course.slug, role: enrollment.role };
  });
}
