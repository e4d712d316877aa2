import { issueStudentReset } from "@course/db";
import { ApiError, route } from "../../../../../../lib/api.ts";
import { apiCourseAction } from "../../../../../../lib/courses/staff-access.ts";
import { getDb } from "../../../../../../lib/db.ts";
import { getEnv } from "../../../../../../lib/env.ts";
import { formatDateTime } from "../../../../../../lib/format.ts";
import { staffMessages } from "../../../../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../../../../lib/i18n/index.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { resetUrl } from "../../../../../../lib/password-reset.ts";
import { siteOrigin } from "../../../../../../lib/security/origin.ts";
import { CourseParams } from "../../../../../../lib/staff/route-helpers.ts";
import { MemberBody } from "../../../../../../lib/staff/schemas.ts";

/** POST { userId } → { message, links: [the one-time link] } (instructors and TAs, for a student of the course). */
export const POST = route(
  { auth: true, params: CourseParams, body: MemberBody },
  async ({ req, body, user, params }) => {
    const locale = await getLocale();
    const t = translator(staffMessages, locale);
    const db = getDb();
    const { course } = await apiCourseAction(db, params.slug, user, locale, "grade");
    const result = await issueStudentReset(db, user.id, course.id, body.userId);
    if (result.status !== "issued") {
      throw result.status === "not_member"
        ? new ApiError(404, "not_found", t("notMember"))
        : new ApiError(403, "forbidden", t("resetOnlyStudents"));
    }
    return {
      message: t("resetIssued", {
        name: result.name,
        date: formatDateTime(result.expiresAt, locale),
      }),
      links: [
        {
          label: t("issueResetFor", { name: result.name }),
          url: resetUrl(siteOrigin(req, getEnv().authUrl), result.token),
        },
      ],
    };
  },
);
