// Input rules of the staff tools and the profile, with messages in the user's language.
import { z } from "zod";
import { LOCALES } from "@course/locales";
import { RoleSchema } from "@course/db";
import { staffMessages } from "../i18n/messages/staff.ts";
import { translator, type Locale } from "../i18n/index.ts";
import { NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "../signup.ts";
import { authMessages } from "../i18n/messages/auth.ts";

export const TITLE_MAX = 120;
export const DESCRIPTION_MAX = 5000;
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{2,59}$/;

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));

/** Checkbox values from the staff forms (booleans) or a native form ("on"). */
const checkbox = z.union([z.boolean(), z.literal("on").transform(() => true), z.literal("").transform(() => false)]).default(false);

export function courseFieldsSchema(locale: Locale) {
  const t = translator(staffMessages, locale);
  return z.object({
    title: z.string({ error: t("titleRequired") }).trim().min(1, t("titleRequired")).max(TITLE_MAX, t("titleTooLong", { max: TITLE_MAX })),
    titleZh: optionalText(TITLE_MAX, t("titleTooLong", { max: TITLE_MAX })),
    description: z.string({ error: t("descriptionRequired") }).trim().min(1, t("descriptionRequired")).max(DESCRIPTION_MAX, t("descriptionTooLong", { max: DESCRIPTION_MAX })),
    descriptionZh: optionalText(DESCRIPTION_MAX, t("descriptionTooLong", { max: DESCRIPTION_MAX })),
    language: z.enum(LOCALES),
    published: checkbox,
  });
}

export function newCourseSchema(locale: Locale) {
  const t = translator(staffMessages, locale);
  return courseFieldsSchema(locale).extend({
    slug: z.string({ error: t("slugFormat") }).trim().toLowerCase().regex(SLUG_PATTERN, t("slugFormat")),
  });
}

export const ArchiveBody = z.object({ archived: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]) });

/** An optional whole number from a form field: "" is absent. */
const optionalInt = (min: number, max: number, message: string) =>
  z
    .union([z.number(), z.string().trim()])
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return null;
      const n = typeof v === "number" ? v : Number(v);
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });

export function joinCodeCreateSchema(locale: Locale) {
  const t = translator(staffMessages, locale);
  return z.object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => v || undefined)
      .pipe(z.string().regex(/^[A-Z0-9-]{3,40}$/, t("codeFormat")).optional()),
    role: z.enum(RoleSchema.options, { error: t("roleInvalid") }),
    validDays: optionalInt(1, 365, t("validDaysRange")),
    maxUses: optionalInt(1, 10_000, t("maxUsesRange")),
  });
}

export function roleChangeSchema(locale: Locale) {
  const t = translator(staffMessages, locale);
  return z.object({ userId: z.string().min(1).max(64), role: z.enum(RoleSchema.options, { error: t("roleInvalid") }) });
}

export const MemberBody = z.object({ userId: z.string().min(1).max(64) });

export function profileSchema(locale: Locale) {
  const t = translator(staffMessages, locale);
  return z.object({
    name: z.string({ error: t("nameRequired") }).trim().min(1, t("nameRequired")).max(NAME_MAX, t("nameTooLong", { max: NAME_MAX })),
    locale: z.enum(LOCALES),
  });
}

/** A new password: the sign-up rules. */
export function newPasswordSchema(locale: Locale) {
  const a = translator(authMessages, locale);
  return z
    .string({ error: a("passwordTooShort", { min: PASSWORD_MIN }) })
    .min(PASSWORD_MIN, a("passwordTooShort", { min: PASSWORD_MIN }))
    .max(PASSWORD_MAX, a("passwordTooLong", { max: PASSWORD_MAX }))
    .regex(/\p{L}/u, a("passwordNeedsLetter"))
    .regex(/\p{N}/u, a("passwordNeedsDigit"));
}

export function passwordChangeSchema(locale: Locale) {
  return z.object({ current: z.string().max(PASSWORD_MAX), password: newPasswordSchema(locale) });
}

export function resetSchema(locale: Locale) {
  return z.object({ token: z.string().min(10).max(200), password: newPasswordSchema(locale) });
}
