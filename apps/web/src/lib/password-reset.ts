// Password resets from the web app: a link staff issue for a student of their course, and the
// link a user asks for by email (with SMTP configured). Tokens live in @course/db (sha256 only).
import { createPasswordReset, RESET_TTL_MS, type Db } from "@course/db";
import { ApiError } from "./api-error.ts";
import { staffMessages } from "./i18n/messages/staff.ts";
import { translator, type Locale } from "./i18n/index.ts";
import { formatDateTime } from "./format.ts";
import { sendMail, type MailConfig } from "./mail.ts";
import { takeRateToken } from "./rate-limit.ts";

export function resetUrl(origin: string, token: string): string {
  return `${origin}/reset/${encodeURIComponent(token)}`;
}

/** Refuses (429) the address's request beyond `maxPerHour` (each may send an email). */
export async function limitResetRequests(db: Db, address: string, maxPerHour: number, now: Date = new Date()): Promise<void> {
  const verdict = await takeRateToken(db, `reset:${address}`, { max: maxPerHour, windowMs: 3_600_000 }, now);
  if (verdict.allowed) return;
  throw new ApiError(429, "rate_limited", `Too many reset requests from your address. Try again in ${verdict.retryAfterMinutes} minutes.`, undefined, {
    "retry-after": String(Math.ceil(verdict.retryAfterMs / 1000)),
  });
}

/**
 * A reset requested by email. Whether or not an account has the address, the caller answers the
 * same; the mail (if any) goes out in the background so the answer's timing does not tell either.
 * `delivery` settles when the mail is sent (tests wait for it; failures are logged).
 */
export async function requestEmailReset(
  db: Db,
  input: { email: string; origin: string; siteName: string; mail: MailConfig },
  now: Date = new Date(),
): Promise<{ delivery: Promise<void> }> {
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, email: true, locale: true } });
  if (!user) return { delivery: Promise.resolve() };
  const { token, expiresAt } = await createPasswordReset(db, { userId: user.id, createdById: null }, now);
  const locale: Locale = user.locale === "zh-CN" ? "zh-CN" : "en";
  const t = translator(staffMessages, locale);
  const delivery = sendMail(input.mail, {
    to: user.email,
    subject: t("mailSubject"),
    text: t("mailBody", { email: user.email, site: input.siteName, date: formatDateTime(expiresAt, locale), url: resetUrl(input.origin, token) }),
  }).catch((error: unknown) => console.error("[mail] password reset email failed", error));
  return { delivery };
}

export const RESET_TTL_HOURS = RESET_TTL_MS / 3_600_000;
