// POST: the draft of one of the course's published exercises, made from its newest version when it
// has none (instructors only); answers with the draft's id for the editor.
import { z } from "zod";
import { openExerciseDraft } from "@course/db";
import { ApiError, route } from "../../../../../../../lib/api.ts";
import { requireInstructor } from "../../../../../../../lib/authoring/access.ts";
import { getDb } from "../../../../../../../lib/db.ts";
import { IdParamSchema } from "../../../../../../../lib/exercise/schemas.ts";

const Params = z.object({ slug: IdParamSchema, exercise: IdParamSchema });

export const POST = route({ params: Params, auth: true }, async ({ params, user }) => {
  const db = getDb();
  const course = await requireInstructor(db, params.slug, user.id);
  const draft = await openExerciseDraft(db, course.id, params.exercise, user.id);
  if (!draft) throw new ApiError(404, "not_found", "No such exercise in this course.");
  return { draftId: draft.id };
});
