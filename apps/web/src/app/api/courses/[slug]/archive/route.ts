import { setCourseArchived } from "@course/db";
import { route } from "../../../../../lib/api.ts";
import { apiCourseAction } from "../../../../../lib/courses/staff-access.ts";
import { getDb } from "../../../../../lib/db.ts";
import { staffMessages } from "../../../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../../../lib/i18n/index.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";
import { CourseParams } from "../../../../../lib/staff/route-helpers.ts";
import { ArchiveBody } from "../../../../../lib/staff/schemas.ts";

/** POST { archived } → { message } (instructors): archive or restore the course. */
export const POST = route(
  { auth: true, params: CourseParams, body: ArchiveBody },
  async ({ body, user, params }) => {
    const locale = await getLocale();
    const db = getDb();
    const { course } = await apiCourseAction(db, params.slug, user, locale, "manageCourse");
    await setCourseArchived(db, user.id, course.id, body.archived);
    return {
      message: translator(staffMessages, locale)(body.archived ? "archivedDone" : "restoredDone"),
    };
  },
);
