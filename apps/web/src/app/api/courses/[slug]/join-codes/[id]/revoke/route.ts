import { z } from "zod";
import { revokeJoinCode } from "@course/db";
import { route } from "../../../../../../../lib/api.ts";
import { apiCourseAction } from "../../../../../../../lib/courses/staff-access.ts";
import { getDb } from "../../../../../../../lib/db.ts";
import { staffMessages } from "../../../../../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../../../../../lib/i18n/index.ts";
import { getLocale } from "../../../../../../../lib/i18n/server.ts";

/** POST → { message } (instructors): the code stops enrolling anyone; 404 for a code of another course. */
export const POST = route(
  {
    auth: true,
    params: z.object({ slug: z.string().min(1).max(100), id: z.string().min(1).max(64) }),
  },
  async ({ user, params }) => {
    const locale = await getLocale();
    const db = getDb();
    const { course } = await apiCourseAction(db, params.slug, user, locale, "manageJoinCodes");
    await revokeJoinCode(db, user.id, course.id, params.id);
    return { message: translator(staffMessages, locale)("revokedDone") };
  },
);
