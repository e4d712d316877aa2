import { updateCourse } from "@course/db";
import { route } from "../../../../../lib/api.ts";
import { apiCourseAction } from "../../../../../lib/courses/staff-access.ts";
import { getDb } from "../../../../../lib/db.ts";
import { staffMessages } from "../../../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../../../lib/i18n/index.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";
import { CourseParams } from "../../../../../lib/staff/route-helpers.ts";
import { courseFieldsSchema } from "../../../../../lib/staff/schemas.ts";

/** POST { title, titleZh, description, descriptionZh, language, published } → { message } (instructors). */
export const POST = route({ auth: true, params: CourseParams }, async ({ input, user, params }) => {
  const locale = await getLocale();
  const db = getDb();
  const { course } = await apiCourseAction(db, params.slug, user, locale, "manageCourse");
  await updateCourse(db, user.id, course.id, courseFieldsSchema(locale).parse(input));
  return { message: translator(staffMessages, locale)("saved") };
});
