import { canCreateCourses, createCourse } from "@course/db";
import { ApiError, route } from "../../../lib/api.ts";
import { getDb } from "../../../lib/db.ts";
import { staffMessages } from "../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../lib/i18n/index.ts";
import { getLocale } from "../../../lib/i18n/server.ts";
import { newCourseSchema } from "../../../lib/staff/schemas.ts";
import { localizeDomainError } from "../../../lib/staff/route-helpers.ts";

/** POST { slug, title, … } → { redirect } (platform instructors and admins; the creator becomes instructor) | 400 | 403 | 409 slug taken. */
export const POST = route({ auth: true }, async ({ input, user }) => {
  const locale = await getLocale();
  const t = translator(staffMessages, locale);
  const db = getDb();
  if (!(await canCreateCourses(db, user.id)))
    throw new ApiError(403, "forbidden", t("notCourseCreator"));
  const fields = newCourseSchema(locale).parse(input);
  const course = await createCourse(db, user.id, fields).catch((error: unknown) =>
    localizeDomainError(error, locale, {
      field: "slug",
      message: t("slugTaken", { slug: fields.slug }),
    }),
  );
  return { redirect: `/courses/${course.slug}/settings` };
});
