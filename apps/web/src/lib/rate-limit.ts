// Rate limits kept in the database (LoginAttempt, RateEvent, Submission), so they survive
// restarts and hold across processes. Sign-in limits slow an attacker without handing them the
// owner's account to lock:
// - failures are keyed on (account, address): one address guessing one account is blocked after
//   maxPerPair failures in the window;
// - an address guessing many accounts is blocked after maxPerIp failures in the window;
// - once an account has collected backoffAfter failures (from anywhere), every address that has
//   failed on it waits longer before each further try (doubling, capped at the window);
// - an address that has not failed is never refused: the owner's right password from their own
//   address gets through, whatever an attacker elsewhere did.
// A successful sign-in clears the pair's and the account's counts (not the address's, so an
// attacker cannot reset it by signing in to an account of their own).
import type { Db } from "@course/db";
import { ApiError } from "./api-error.ts";

export interface LoginLimits {
  /** Failures one address may make on one account inside the window. */
  maxPerPair: number;
  /** Failures one address may make over all accounts inside the window (a classroom may share one address). */
  maxPerIp: number;
  /** Account-wide failures after which the addresses that failed on it back off progressively. */
  backoffAfter: number;
  /** The first back-off delay; each further account failure doubles it, up to windowMs. */
  backoffBaseMs: number;
  windowMs: number;
}

export type LoginVerdict = { allowed: true } | { allowed: false; retryAfterMs: number; retryAfterMinutes: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** When the count of `events` (newest first) drops below `max`, or null if it already is. */
function unlockAt(events: Date[], max: number, windowMs: number): number | null {
  if (events.length < max) return null;
  const pivot = events[max - 1];
  return pivot ? pivot.getTime() + windowMs : null;
}

function verdictUntil(until: number, now: Date): LoginVerdict {
  if (until <= now.getTime()) return { allowed: true };
  const retryAfterMs = until - now.getTime();
  return { allowed: false, retryAfterMs, retryAfterMinutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) };
}

/** The back-off delay after `accountFailures` failures on one account. */
export function backoffMs(accountFailures: number, limits: LoginLimits): number {
  if (accountFailures < limits.backoffAfter) return 0;
  const doublings = Math.min(accountFailures - limits.backoffAfter, 30);
  return Math.min(limits.backoffBaseMs * 2 ** doublings, limits.windowMs);
}

export async function checkLogin(
  db: Db,
  input: { email: string; ip: string },
  limits: LoginLimits,
  now: Date = new Date(),
): Promise<LoginVerdict> {
  const email = normalizeEmail(input.email);
  const { ip } = input;
  const since = new Date(now.getTime() - limits.windowMs);
  const lastSuccess = async (where: { email: string; ip?: string }) =>
    (
      await db.loginAttempt.findFirst({
        where: { ...where, success: true, createdAt: { gte: since, lte: now } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      })
    )?.createdAt ?? since;
  const failures = async (where: { email?: string; ip?: string }, after: Date, take: number) =>
    (
      await db.loginAttempt.findMany({
        where: { ...where, success: false, createdAt: { gt: after, lte: now } },
        orderBy: { createdAt: "desc" },
        take,
        select: { createdAt: true },
      })
    ).map((r) => r.createdAt);
  const [accountSince, pairSince] = await Promise.all([lastSuccess({ email }), lastSuccess({ email, ip })]);
  const [byPair, byIp, lastAccountFailure] = await Promise.all([
    failures({ email, ip }, pairSince, limits.maxPerPair),
    failures({ ip }, since, limits.maxPerIp),
    failures({ email }, accountSince, 1).then((rows) => rows[0]),
  ]);
  const unlocks = [unlockAt(byPair, limits.maxPerPair, limits.windowMs), unlockAt(byIp, limits.maxPerIp, limits.windowMs)];
  // The per-account back-off applies only to addresses that have failed on this account.
  if (byPair.length > 0 && lastAccountFailure) {
    const accountFailures = await db.loginAttempt.count({ where: { email, success: false, createdAt: { gt: accountSince, lte: now } } });
    const delay = backoffMs(accountFailures, limits);
    if (delay > 0) unlocks.push(lastAccountFailure.getTime() + delay);
  }
  return verdictUntil(Math.max(0, ...unlocks.filter((x): x is number => x !== null)), now);
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

/** Counts one `key` event (a sign-up from an address) unless `max` already happened inside the window. */
export async function takeRateToken(
  db: Db,
  key: string,
  limits: { max: number; windowMs: number },
  now: Date = new Date(),
): Promise<LoginVerdict> {
  const recent = await db.rateEvent.findMany({
    where: { key, createdAt: { gt: new Date(now.getTime() - limits.windowMs), lte: now } },
    orderBy: { createdAt: "desc" },
    take: limits.max,
    select: { createdAt: true },
  });
  const verdict = verdictUntil(unlockAt(recent.map((r) => r.createdAt), limits.max, limits.windowMs) ?? 0, now);
  if (verdict.allowed) await db.rateEvent.create({ data: { key, createdAt: now } });
  return verdict;
}

/** Refuses (429, Retry-After) a submission when the user already made `maxPerMinute` in the last minute. */
export async function limitSubmissions(db: Db, userId: string, maxPerMinute: number, now: Date = new Date()): Promise<void> {
  const recent = await db.submission.findMany({
    where: { userId, createdAt: { gt: new Date(now.getTime() - 60_000), lte: now } },
    orderBy: { createdAt: "desc" },
    take: maxPerMinute,
    select: { createdAt: true },
  });
  const verdict = verdictUntil(unlockAt(recent.map((r) => r.createdAt), maxPerMinute, 60_000) ?? 0, now);
  if (verdict.allowed) return;
  const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
  throw new ApiError(429, "rate_limited", `You are submitting too fast. Try again in ${seconds} seconds.`, undefined, { "retry-after": String(seconds) });
}
