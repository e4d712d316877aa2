// Sign-in rate limiting over the LoginAttempt table, so limits survive restarts and hold across
// processes. A failed attempt counts against the email and against the client address; a
// successful sign-in clears the email's count (not the address's, so an attacker cannot reset
// it by signing in to an account of their own).
import type { Db } from "@course/db";

export interface LoginLimits {
  /** Failures per email allowed inside the window. */
  maxPerEmail: number;
  /** Failures per client address allowed inside the window (a classroom may share one address). */
  maxPerIp: number;
  windowMs: number;
}

export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterMs: number; retryAfterMinutes: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** When the count of `failures` (newest first) drops below `max`, or null if it already is. */
function unlockAt(failures: Date[], max: number, windowMs: number): number | null {
  if (failures.length < max) return null;
  const pivot = failures[max - 1];
  return pivot ? pivot.getTime() + windowMs : null;
}

export async function checkLogin(
  db: Db,
  input: { email: string; ip: string },
  limits: LoginLimits,
  now: Date = new Date(),
): Promise<LoginVerdict> {
  const email = normalizeEmail(input.email);
  const since = new Date(now.getTime() - limits.windowMs);
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, success: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const emailSince = lastSuccess && lastSuccess.createdAt > since ? lastSuccess.createdAt : since;
  const [byEmail, byIp] = await Promise.all([
    db.loginAttempt.findMany({
      where: { email, success: false, createdAt: { gt: emailSince, lte: now } },
      orderBy: { createdAt: "desc" },
      take: limits.maxPerEmail,
      select: { createdAt: true },
    }),
    db.loginAttempt.findMany({
      where: { ip: input.ip, success: false, createdAt: { gt: since, lte: now } },
      orderBy: { createdAt: "desc" },
      take: limits.maxPerIp,
      select: { createdAt: true },
    }),
  ]);
  const unlocks = [
    unlockAt(byEmail.map((r) => r.createdAt), limits.maxPerEmail, limits.windowMs),
    unlockAt(byIp.map((r) => r.createdAt), limits.maxPerIp, limits.windowMs),
  ].filter((x): x is number => x !== null);
  if (unlocks.length === 0) return { allowed: true };
  const retryAfterMs = Math.max(1, Math.max(...unlocks) - now.getTime());
  return { allowed: false, retryAfterMs, retryAfterMinutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) };
}

export async function recordLogin(
  db: Db,
  input: { email: string; ip: string; success: boolean },
  now: Date = new Date(),
): Promise<void> {
  await db.loginAttempt.create({
    data: { email: normalizeEmail(input.email), ip: input.ip, success: input.success, createdAt: now },
  });
}

/** The client address from proxy headers (first x-forwarded-for hop), or "unknown". */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers): string {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || get("x-real-ip")?.trim() || "unknown";
}
