// POST: grant (or replace) one student's extension on an assignment (instructors and TAs).
// Body: ExtensionInputSchema.
import { z } from "zod";
import { upsertExtension } from "@course/db";
import { route } from "../../../../../../../lib/api.ts";
import { staffApi } from "../../../../../../../lib/courses/assess-access.ts";
import { inLocale } from "../../../../../../../lib/courses/assess-errors.ts";
import { getLocale } from "../../../../../../../lib/i18n/server.ts";
import { getDb } from "../../../../../../../lib/db.ts";

const Params = z.object({ slug: z.string().min(1).max(100), assignmentId: z.string().min(1).max(100) });

export const POST = route({ params: Params, auth: true }, async ({ params, user, input }) => {
  const { course } = await staffApi(params.slug, user.id, "extend");
  const e = await inLocale(await getLocale(), () => upsertExtension(getDb(), course.id, params.assignmentId, user.id, input));
  return { id: e.id };
});
