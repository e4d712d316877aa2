// DELETE: remove a student's extension (instructors and TAs of the course).
import { z } from "zod";
import { removeExtension } from "@course/db";
import { route } from "../../../../../../lib/api.ts";
import { staffApi } from "../../../../../../lib/courses/assess-access.ts";
import { inLocale } from "../../../../../../lib/courses/assess-errors.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { getDb } from "../../../../../../lib/db.ts";

const Params = z.object({ slug: z.string().min(1).max(100), extensionId: z.string().min(1).max(100) });

export const DELETE = route({ params: Params, auth: true }, async ({ params, user }) => {
  const { course } = await staffApi(params.slug, user.id, "extend");
  await inLocale(await getLocale(), () => removeExtension(getDb(), course.id, params.extensionId, user.id));
  return { ok: true };
});
