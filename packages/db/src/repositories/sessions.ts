// Session revocation: every session token carries the user's session version at sign-in, and the
// web app refuses a token whose version is older than the user's. Bumping it ends them all.
import type { Db } from "../client.ts";
import { DomainError } from "../errors.ts";
import { hashPassword } from "../passwords.ts";

/** Ends every session of the user (sign-out, a stolen token). */
export async function endSessions(db: Db, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

/** Sets a new password (a change or a reset) and ends every session signed in with the old one. */
export async function setPassword(db: Db, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
}

/** An operator's reset (`pnpm db:reset-password <email>`): a new password, every old session ended. */
export async function resetPassword(db: Db, email: string, password: string): Promise<void> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw new DomainError("not_found", `No account has the email ${email}.`);
  await setPassword(db, user.id, password);
}
