import { z } from "zod";
import { ApiError, route } from "../../../../../lib/api.ts";
import { gradebook, gradebookCsv } from "../../../../../lib/courses/queries.ts";
import { staffAccess } from "../../../../../lib/courses/staff.ts";
import { getDb } from "../../../../../lib/db.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";

/** GET → the gradebook as CSV (instructors and TAs of the course only). */
export const GET = route({ auth: true, params: z.object({ slug: z.string().min(1).max(100) }) }, async ({ params, user }) => {
  const db = getDb();
  const locale = await getLocale();
  const access = await staffAccess(db, params.slug, user.id, locale);
  if (access.kind === "no_course") throw new ApiError(404, "not_found", "No such course.");
  if (access.kind === "forbidden") throw new ApiError(403, "forbidden", "Only the course's instructors and TAs can export grades.");
  // A UTF-8 byte order mark first: spreadsheets then read non-ASCII names (Chinese) correctly.
  const csv = `\uFEFF${gradebookCsv(await gradebook(db, access.course.id, locale))}`;
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${params.slug}-gradebook.csv"`,
      "cache-control": "no-store",
    },
  });
});
