// PUT: change an assignment's settings; DELETE: remove an assignment nobody submitted to.
// Instructors only (TAs get 403). Body of PUT: AssignmentSettingsSchema.
import { z } from "zod";
import { deleteAssignment, updateAssignment } from "@course/db";
import { ApiError, route } from "../../../../../../lib/api.ts";
import { staffApi } from "../../../../../../lib/courses/assess-access.ts";
import { inLocale } from "../../../../../../lib/courses/assess-errors.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { getDb } from "../../../../../../lib/db.ts";

const Params = z.object({ slug: z.string().min(1).max(100), assignmentId: z.string().min(1).max(100) });

async function assignmentOf(courseId: string, assignmentId: string): Promise<string> {
  const a = await getDb().assignment.findFirst({ where: { id: assignmentId, courseId }, select: { id: true } });
  if (!a) throw new ApiError(404, "not_found", "No such assignment.");
  return a.id;
}

export const PUT = route({ params: Params, auth: true }, async ({ params, user, input }) => {
  const { course } = await staffApi(params.slug, user.id, "editAssignment");
  const id = await assignmentOf(course.id, params.assignmentId);
  const a = await inLocale(await getLocale(), () => updateAssignment(getDb(), id, user.id, input));
  return { id: a.id, updatedAt: a.updatedAt.toISOString() };
});

export const DELETE = route({ params: Params, auth: true }, async ({ params, user }) => {
  const { course } = await staffApi(params.slug, user.id, "editAssignment");
  const id = await assignmentOf(course.id, params.assignmentId);
  await inLocale(await getLocale(), () => deleteAssignment(getDb(), id, user.id));
  return { ok: true };
});
