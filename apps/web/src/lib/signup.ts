// Sign-up rules: the schema (messages in the user's language) and account creation.
import { z } from "zod";
import { LOCALES } from "@course/locales";
import { hashPassword, type Db } from "@course/db";
import { ApiError } from "./api-error.ts";
import { takeRateToken } from "./rate-limit.ts";
import { authMessages } from "./i18n/messages/auth.ts";
import { translator, type Locale } from "./i18n/index.ts";

export const NAME_MAX = 80;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

export function signupSchema(locale: Locale) {
  const t = translator(authMessages, locale);
  return z
    .object({
      name: z
        .string({ error: t("nameRequired") })
        .trim()
        .min(1, t("nameRequired"))
        .max(NAME_MAX, t("nameTooLong", { max: NAME_MAX })),
      email: z
        .string({ error: t("emailInvalid") })
        .trim()
        .toLowerCase()
        .max(EMAIL_MAX, t("emailTooLong", { max: EMAIL_MAX }))
        .pipe(z.email({ error: t("emailInvalid") })),
      password: z
        .string({ error: t("passwordTooShort", { min: PASSWORD_MIN }) })
        .min(PASSWORD_MIN, t("passwordTooShort", { min: PASSWORD_MIN }))
        .max(PASSWORD_MAX, t("passwordTooLong", { max: PASSWORD_MAX }))
        .regex(/\p{L}/u, t("passwordNeedsLetter"))
        .regex(/\p{N}/u, t("passwordNeedsDigit")),
      locale: z.enum(LOCALES).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.password.trim().toLowerCase() === v.email) ctx.addIssue({ code: "custom", path: ["password"], message: t("passwordIsEmail") });
    });
}

export type SignupInput = z.output<ReturnType<typeof signupSchema>>;

export type SignupOutcome = "created" | "exists";

/**
 * Creates the account. An email that already has one changes nothing, and the route answers
 * exactly as for a new account (same status and body; a hash is computed either way so the time is
 * alike), so the answer does not tell who has an account. What still tells is signing in afterwards,
 * which works only with the account's own password (docs/security.md).
 */
export async function createAccount(db: Db, input: SignupInput, locale: Locale): Promise<SignupOutcome> {
  const [existing, passwordHash] = await Promise.all([
    db.user.findUnique({ where: { email: input.email }, select: { id: true } }),
    hashPassword(input.password),
  ]);
  if (existing) return "exists";
  try {
    await db.user.create({ data: { email: input.email, name: input.name, passwordHash, locale: input.locale ?? locale } });
    return "created";
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, and the loser looks the same.
    if ((error as { code?: string }).code === "P2002") return "exists";
    throw error;
  }
}

/** Refuses (429) a sign-up from an address that made `maxPerHour` already: each costs an argon2 hash. */
export async function limitSignups(db: Db, address: string, maxPerHour: number, now: Date = new Date()): Promise<void> {
  const verdict = await takeRateToken(db, `signup:${address}`, { max: maxPerHour, windowMs: 3_600_000 }, now);
  if (verdict.allowed) return;
  const retryAfter = String(Math.ceil(verdict.retryAfterMs / 1000));
  const message = `Too many sign-ups from your address. Try again in ${verdict.retryAfterMinutes} minutes.`;
  throw new ApiError(429, "rate_limited", message, undefined, { "retry-after": retryAfter });
}
