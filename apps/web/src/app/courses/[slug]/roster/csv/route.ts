import { listRoster } from "@course/db";
import { route } from "../../../../../lib/api.ts";
import { apiCourseAction } from "../../../../../lib/courses/staff-access.ts";
import { getDb } from "../../../../../lib/db.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";
import { rosterCsv } from "../../../../../lib/staff/roster-csv.ts";
import { CourseParams } from "../../../../../lib/staff/route-helpers.ts";

/** GET → the roster as CSV, UTF-8 with a BOM (instructors and TAs). */
export const GET = route({ auth: true, params: CourseParams }, async ({ params, user }) => {
  const db = getDb();
  const { course } = await apiCourseAction(db, params.slug, user, await getLocale(), "viewStaffPages");
  return new Response(rosterCsv(await listRoster(db, course.id, { sort: "name" })), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${params.slug}-roster.csv"`,
      "cache-control": "no-store",
    },
  });
});
