// A course's members as its staff see them: list (searched and sorted in the database), change a
// role, remove, import. A course always keeps at least one instructor.
import type { Db } from "../client.ts";
import { RoleSchema, type Role } from "../enums.ts";
import { DomainError } from "../errors.ts";
import { recordAudit } from "./audit.ts";
import { createPasswordReset } from "./password-resets.ts";
import { NO_PASSWORD } from "./users.ts";

export const ROSTER_SORTS = ["name", "email", "role", "joined"] as const;
export type RosterSort = (typeof ROSTER_SORTS)[number];

export interface RosterMember {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  joinCode: string | null;
  submissions: number;
}

export async function listRoster(db: Db, courseId: string, opts: { q?: string | undefined; sort?: RosterSort; dir?: "asc" | "desc" } = {}): Promise<RosterMember[]> {
  const q = opts.q?.trim();
  const dir = opts.dir ?? "asc";
  const orderBy =
    opts.sort === "email" ? [{ user: { email: dir } }] : opts.sort === "role" ? [{ role: dir }, { user: { name: "asc" as const } }] : opts.sort === "joined" ? [{ createdAt: dir }] : [{ user: { name: dir } }, { user: { email: "asc" as const } }];
  const rows = await db.enrollment.findMany({
    where: { courseId, ...(q ? { user: { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] } } : {}) },
    orderBy,
    include: {
      joinCode: { select: { code: true } },
      user: { select: { id: true, name: true, email: true, _count: { select: { submissions: { where: { assignment: { courseId } } } } } } },
    },
  });
  return rows.map((r) => ({
    userId: r.user.id,
    name: r.user.name,
    email: r.user.email,
    role: RoleSchema.catch("student").parse(r.role),
    joinedAt: r.createdAt,
    joinCode: r.joinCode?.code ?? null,
    submissions: r.user._count.submissions,
  }));
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

async function memberOrThrow(tx: Tx, courseId: string, userId: string) {
  const row = await tx.enrollment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: { id: true, role: true, user: { select: { email: true } } } });
  if (!row) throw new DomainError("not_found", "This person is not a member of the course.");
  return row;
}

async function guardLastInstructor(tx: Tx, courseId: string, currentRole: string) {
  if (currentRole !== "instructor") return;
  const instructors = await tx.enrollment.count({ where: { courseId, role: "instructor" } });
  if (instructors <= 1) throw new DomainError("last_instructor", "A course needs at least one instructor: make someone else instructor first.");
}

export async function changeMemberRole(db: Db, actorId: string, courseId: string, userId: string, role: Role) {
  return db.$transaction(async (tx) => {
    const before = await memberOrThrow(tx, courseId, userId);
    if (before.role === role) return { role };
    if (role !== "instructor") await guardLastInstructor(tx, courseId, before.role);
    await tx.enrollment.update({ where: { id: before.id }, data: { role } });
    await recordAudit(tx, { actorId, courseId, action: "roster.role", entityType: "Enrollment", entityId: before.id, before: { email: before.user.email, role: before.role }, after: { email: before.user.email, role } });
    return { role };
  });
}

/** Removes a member from the course; their submissions stay (they belong to the account). */
export async function removeMember(db: Db, actorId: string, courseId: string, userId: string) {
  await db.$transaction(async (tx) => {
    const before = await memberOrThrow(tx, courseId, userId);
    await guardLastInstructor(tx, courseId, before.role);
    await tx.enrollment.delete({ where: { id: before.id } });
    await recordAudit(tx, { actorId, courseId, action: "roster.remove", entityType: "Enrollment", entityId: before.id, before: { email: before.user.email, role: before.role }, after: null });
  });
}

export interface RosterImportRow {
  email: string;
  name: string;
  role: Role;
}

export interface RosterImportResult {
  enrolled: string[];
  alreadyMembers: string[];
  /** New accounts, each with a one-time reset token for the instructor to pass on. */
  created: { email: string; name: string; token: string; expiresAt: Date }[];
}

/**
 * Imports validated rows in one transaction: existing accounts are enrolled, new accounts are
 * created without a password and get a reset link; members already in the course keep their role.
 */
export async function importRoster(db: Db, actorId: string, courseId: string, rows: RosterImportRow[], now: Date = new Date()): Promise<RosterImportResult> {
  return db.$transaction(
    async (tx) => {
      const result: RosterImportResult = { enrolled: [], alreadyMembers: [], created: [] };
      for (const row of rows) {
        const email = row.email.trim().toLowerCase();
        let user = await tx.user.findUnique({ where: { email }, select: { id: true } });
        if (!user) {
          user = await tx.user.create({ data: { email, name: row.name, passwordHash: NO_PASSWORD }, select: { id: true } });
          const reset = await createPasswordReset(tx, { userId: user.id, createdById: actorId }, now);
          result.created.push({ email, name: row.name, ...reset });
        }
        const member = await tx.enrollment.findUnique({ where: { userId_courseId: { userId: user.id, courseId } }, select: { id: true } });
        if (member) {
          result.alreadyMembers.push(email);
          continue;
        }
        await tx.enrollment.create({ data: { userId: user.id, courseId, role: row.role } });
        result.enrolled.push(email);
      }
      await recordAudit(tx, {
        actorId,
        courseId,
        action: "roster.import",
        entityType: "Course",
        entityId: courseId,
        after: { enrolled: result.enrolled, created: result.created.map((c) => c.email), alreadyMembers: result.alreadyMembers },
      });
      return result;
    },
    { timeout: 60_000 },
  );
}

export type StudentResetResult = { status: "issued"; name: string; email: string; token: string; expiresAt: Date } | { status: "not_member" | "not_student" };

/** A one-time reset link a course's staff issue for one of its students (audited; the token is returned once). */
export async function issueStudentReset(db: Db, actorId: string, courseId: string, userId: string, now: Date = new Date()): Promise<StudentResetResult> {
  return db.$transaction(async (tx) => {
    const member = await tx.enrollment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: { id: true, role: true, user: { select: { name: true, email: true } } } });
    if (!member) return { status: "not_member" as const };
    if (member.role !== "student") return { status: "not_student" as const };
    const { token, expiresAt } = await createPasswordReset(tx, { userId, createdById: actorId }, now);
    await recordAudit(tx, { actorId, courseId, action: "roster.resetLink", entityType: "User", entityId: userId, after: { email: member.user.email, expiresAt } });
    return { status: "issued" as const, name: member.user.name, email: member.user.email, token, expiresAt };
  });
}
