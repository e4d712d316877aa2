import { z } from "zod";
import { importRoster } from "@course/db";
import { ApiError, route } from "../../../../../../lib/api.ts";
import { apiCourseAction } from "../../../../../../lib/courses/staff-access.ts";
import { getDb } from "../../../../../../lib/db.ts";
import { getEnv } from "../../../../../../lib/env.ts";
import { staffMessages } from "../../../../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../../../../lib/i18n/index.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { resetUrl } from "../../../../../../lib/password-reset.ts";
import { siteOrigin } from "../../../../../../lib/security/origin.ts";
import { parseRosterCsv, ROSTER_MAX_BYTES } from "../../../../../../lib/staff/roster-csv.ts";
import { CourseParams } from "../../../../../../lib/staff/route-helpers.ts";

/**
 * POST { csv } → { message, links } (instructors): every row valid, or 400 naming the first bad
 * line and nothing imported. New accounts come back with their one-time reset links.
 */
export const POST = route(
  { auth: true, params: CourseParams, maxBody: ROSTER_MAX_BYTES + 4096 },
  async ({ req, input, user, params }) => {
    const locale = await getLocale();
    const t = translator(staffMessages, locale);
    const db = getDb();
    const { course } = await apiCourseAction(db, params.slug, user, locale, "manageRoster");
    const { csv } = z
      .object({
        csv: z.string().max(ROSTER_MAX_BYTES, t("csvTooLarge", { max: ROSTER_MAX_BYTES / 1024 })),
      })
      .parse(input);
    const parsed = parseRosterCsv(csv, locale);
    if (!parsed.ok) throw new ApiError(400, "invalid_csv", parsed.message, { csv: parsed.message });
    const result = await importRoster(db, user.id, course.id, parsed.rows);
    const origin = siteOrigin(req, getEnv().authUrl);
    return {
      message: t("imported", {
        enrolled: result.enrolled.length,
        created: result.created.length,
        already: result.alreadyMembers.length,
      }),
      links: result.created.map((c) => ({
        label: t("newAccountLink", { name: c.name, email: c.email }),
        url: resetUrl(origin, c.token),
      })),
    };
  },
);
