// Accounts made by an operator (`pnpm admin create-user`) or by a roster import.
import type { Db } from "../client.ts";
import { PlatformRoleSchema, type PlatformRole } from "../enums.ts";
import { DomainError } from "../errors.ts";
import { hashPassword } from "../passwords.ts";

/** Stored for accounts created without a password (roster import): no password verifies against it. */
export const NO_PASSWORD = "!no-password";

export async function createUser(db: Db, input: { email: string; name: string; password: string; platformRole: PlatformRole }) {
  const email = input.email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new DomainError("conflict", `An account with the email ${email} already exists.`);
  return db.user.create({
    data: { email, name: input.name.trim(), passwordHash: await hashPassword(input.password), platformRole: PlatformRoleSchema.parse(input.platformRole) },
    select: { id: true, email: true, name: true, platformRole: true },
  });
}

/** Whether the user may create courses (platform instructors and admins). */
export async function canCreateCourses(db: Db, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { platformRole: true } });
  const role = PlatformRoleSchema.safeParse(user?.platformRole);
  return role.success && (role.data === "instructor" || role.data === "admin");
}

/** A profile change: name and language (the password has its own path with the current one). */
export async function updateProfile(db: Db, userId: string, input: { name: string; locale: string }) {
  return db.user.update({ where: { id: userId }, data: { name: input.name, locale: input.locale }, select: { id: true, name: true, locale: true } });
}
