import { createJoinCode } from "@course/db";
import { route } from "../../../../../lib/api.ts";
import { apiCourseAction } from "../../../../../lib/courses/staff-access.ts";
import { getDb } from "../../../../../lib/db.ts";
import { staffMessages } from "../../../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../../../lib/i18n/index.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";
import { CourseParams, localizeDomainError } from "../../../../../lib/staff/route-helpers.ts";
import { joinCodeCreateSchema } from "../../../../../lib/staff/schemas.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** POST { code?, role, validDays?, maxUses? } → { message } (instructors) | 400 | 409 code taken. */
export const POST = route({ auth: true, params: CourseParams }, async ({ input, user, params }) => {
  const locale = await getLocale();
  const t = translator(staffMessages, locale);
  const db = getDb();
  const { course } = await apiCourseAction(db, params.slug, user, locale, "manageJoinCodes");
  const body = joinCodeCreateSchema(locale).parse(input);
  const expiresAt = body.validDays === null ? null : new Date(Date.now() + body.validDays * DAY_MS);
  const code = await createJoinCode(db, user.id, course.id, {
    code: body.code,
    role: body.role,
    expiresAt,
    maxUses: body.maxUses,
  }).catch((error: unknown) =>
    localizeDomainError(error, locale, { field: "code", message: t("codeTaken") }),
  );
  return { message: t("codeCreated", { code: code.code }) };
});
