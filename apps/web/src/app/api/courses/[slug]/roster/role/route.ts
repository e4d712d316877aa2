import { changeMemberRole } from "@course/db";
import { route } from "../../../../../../lib/api.ts";
import { apiCourseAction } from "../../../../../../lib/courses/staff-access.ts";
import { getDb } from "../../../../../../lib/db.ts";
import { staffMessages } from "../../../../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../../../../lib/i18n/index.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { CourseParams, localizeDomainError } from "../../../../../../lib/staff/route-helpers.ts";
import { roleChangeSchema } from "../../../../../../lib/staff/schemas.ts";

/** POST { userId, role } → { message } (instructors) | 409 the last instructor | 404 not a member. */
export const POST = route({ auth: true, params: CourseParams }, async ({ input, user, params }) => {
  const locale = await getLocale();
  const db = getDb();
  const { course } = await apiCourseAction(db, params.slug, user, locale, "manageRoster");
  const body = roleChangeSchema(locale).parse(input);
  await changeMemberRole(db, user.id, course.id, body.userId, body.role).catch((error: unknown) =>
    localizeDomainError(error, locale),
  );
  return { message: translator(staffMessages, locale)("roleChanged") };
});
