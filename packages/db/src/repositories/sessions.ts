// Session revocation: every session token carries the user's session version at sign-in, and the
// web app refuses a token whose version is older than the user's. Bumping it ends them all.
import type { Db } from "../client.ts";
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
