// Join codes made by a course's instructors: a role, an expiry and a maximum number of uses;
// revoked codes stay listed (with who used them) but no longer enroll anyone.
import { randomInt } from "node:crypto";
import type { Db } from "../client.ts";
import { RoleSchema, type Role } from "../enums.ts";
import { DomainError } from "../errors.ts";
import { recordAudit } from "./audit.ts";

// No 0/O, 1/I/L: codes are read aloud and typed from a projector.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A fresh random code such as "K7QM-2XPA". */
export function randomJoinCode(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
  return `${part()}-${part()}`;
}

const CODE_FIELDS = { id: true, code: true, role: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true } as const;

export async function createJoinCode(
  db: Db,
  actorId: string,
  courseId: string,
  input: { code?: string | undefined; role: Role; expiresAt: Date | null; maxUses: number | null },
) {
  const code = input.code ?? randomJoinCode();
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.joinCode.create({ data: { code, courseId, role: RoleSchema.parse(input.role), expiresAt: input.expiresAt, maxUses: input.maxUses, createdById: actorId }, select: CODE_FIELDS });
      await recordAudit(tx, { actorId, courseId, action: "joinCode.create", entityType: "JoinCode", entityId: row.id, after: row });
      return row;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new DomainError("conflict", `The join code ${code} is already in use.`);
    throw error;
  }
}

/** Revokes one of the course's codes (a code of another course is not found). */
export async function revokeJoinCode(db: Db, actorId: string, courseId: string, codeId: string, now: Date = new Date()) {
  return db.$transaction(async (tx) => {
    const before = await tx.joinCode.findFirst({ where: { id: codeId, courseId }, select: CODE_FIELDS });
    if (!before) throw new DomainError("not_found", "No such join code in this course.");
    if (before.revokedAt) return before;
    const after = await tx.joinCode.update({ where: { id: codeId }, data: { revokedAt: now }, select: CODE_FIELDS });
    await recordAudit(tx, { actorId, courseId, action: "joinCode.revoke", entityType: "JoinCode", entityId: codeId, before, after });
    return after;
  });
}

export interface JoinCodeListing {
  id: string;
  code: string;
  role: Role;
  expiresAt: Date | null;
  maxUses: number | null;
  uses: number;
  revokedAt: Date | null;
  createdAt: Date;
  createdBy: string | null;
  usedBy: { name: string; email: string; joinedAt: Date }[];
}

/** The course's codes, newest first, each with the members who joined with it. */
export async function listJoinCodes(db: Db, courseId: string): Promise<JoinCodeListing[]> {
  const rows = await db.joinCode.findMany({
    where: { courseId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: {
      createdBy: { select: { name: true } },
      enrollments: { orderBy: { createdAt: "asc" }, select: { createdAt: true, user: { select: { name: true, email: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    role: RoleSchema.catch("student").parse(r.role),
    expiresAt: r.expiresAt,
    maxUses: r.maxUses,
    uses: r.uses,
    revokedAt: r.revokedAt,
    createdAt: r.createdAt,
    createdBy: r.createdBy?.name ?? null,
    usedBy: r.enrollments.map((e) => ({ name: e.user.name, email: e.user.email, joinedAt: e.createdAt })),
  }));
}
