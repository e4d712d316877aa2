// Sign-up rules: the schema (messages in the user's language) and account creation.
import { z } from "zod";
import { LOCALES } from "@course/locales";
import { hashPassword, type Db } from "@course/db";
import { ApiError } from "./api-error.ts";
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

/** Creates the account; an email already in use is a field error on "email". */
export async function createAccount(db: Db, input: SignupInput, locale: Locale) {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  const taken = () => {
    const message = translator(authMessages, locale)("emailTaken");
    return new ApiError(409, "email_taken", message, { email: message });
  };
  if (existing) throw taken();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { email: input.email, name: input.name, passwordHash, locale: input.locale ?? locale },
      select: { id: true, email: true, name: true, locale: true },
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw taken();
    throw error;
  }
}
