// One-time, expiring password reset links. Only the sha256 of a token is stored, so a copy of
// the database cannot be used to reset anyone's password.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../client.ts";
import { hashPassword } from "../passwords.ts";

export const RESET_TTL_MS = 72 * 60 * 60 * 1000;

export function resetTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new random token (256 bits, URL-safe). */
export function newResetToken(): string {
  return randomBytes(32).toString("base64url");
}

type ResetDb = Pick<Db, "passwordReset">;

/** Issues a reset link's token for `userId`; returns the token itself (shown once, never stored). */
export async function createPasswordReset(
  db: ResetDb,
  input: { userId: string; createdById: string | null; ttlMs?: number },
  now: Date = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newResetToken();
  const expiresAt = new Date(now.getTime() + (input.ttlMs ?? RESET_TTL_MS));
  await db.passwordReset.create({ data: { userId: input.userId, tokenHash: resetTokenHash(token), expiresAt, createdById: input.createdById } });
  return { token, expiresAt };
}

export type ResetTokenState = { status: "valid"; userId: string; email: string; name: string } | { status: "unknown" | "used" | "expired" };

/** What a reset token is worth now (the reset page shows why one is refused). */
export async function checkPasswordReset(db: Db, token: string, now: Date = new Date()): Promise<ResetTokenState> {
  const row = await db.passwordReset.findUnique({ where: { tokenHash: resetTokenHash(token) }, include: { user: { select: { email: true, name: true } } } });
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt <= now) return { status: "expired" };
  return { status: "valid", userId: row.userId, email: row.user.email, name: row.user.name };
}

export type ResetOutcome = { status: "done"; userId: string } | { status: "unknown" | "used" | "expired" };

/**
 * Sets the new password with a reset token: marks the token used (once only, even under races),
 * stores the hash and ends every session of the account.
 */
export async function usePasswordReset(db: Db, token: string, password: string, now: Date = new Date()): Promise<ResetOutcome> {
  const state = await checkPasswordReset(db, token, now);
  if (state.status !== "valid") return state;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({ where: { tokenHash: resetTokenHash(token), usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) return { status: "used" as const };
    await tx.user.update({ where: { id: state.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // Any other link still open for the account is spent too: the password it would replace is gone.
    await tx.passwordReset.updateMany({ where: { userId: state.userId, usedAt: null }, data: { usedAt: now } });
    return { status: "done" as const, userId: state.userId };
  });
}
