// GET ?course=<slug>: the signed-in student's latest submission to an exercise of a course they
// take, compiled for the lesson demos ("your code in the demo"), with the exercise's bans so the
// demo worker builds the same restricted realm as the pre-check. Reads only.
import { z } from "zod";
import { latestOwnSubmission } from "@course/db";
import { isExerciseId } from "@course/lessons";
import { ApiError, route } from "../../../../lib/api.ts";
import { getDb } from "../../../../lib/db.ts";
import { assignmentBySlugs } from "../../../../lib/exercise/access.ts";
import { compileSource, loadExercise } from "../../../../lib/exercise/exercise-source.ts";
import { IdParamSchema } from "../../../../lib/exercise/schemas.ts";
import type { OwnCodeResponse } from "../../../../lib/lessons/own-code.ts";

const Params = z.object({ exerciseId: IdParamSchema.refine(isExerciseId) });
const Query = z.object({ course: IdParamSchema });

export const GET = route({ params: Params, query: Query, auth: true }, async ({ params, query, user }) => {
  const db = getDb();
  const found = await assignmentBySlugs(db, query.course, params.exerciseId, user.id);
  if (!found?.enrollment) throw new ApiError(404, "not_found", "No such exercise in your courses.");
  const submission = await latestOwnSubmission(db, user.id, found.assignment.id);
  if (!submission) throw new ApiError(404, "no_submission", "You have not submitted this exercise yet.");
  const exercise = await loadExercise(params.exerciseId);
  if (!exercise) throw new ApiError(404, "not_found", "No such exercise.");
  const compiled = await compileSource(submission.code);
  if (!compiled.ok) throw new ApiError(422, "compile_error", compiled.errors[0]?.message ?? "Your latest submission does not compile.");
  const body: OwnCodeResponse = {
    exerciseId: params.exerciseId,
    attempt: submission.attemptNumber,
    submittedAt: submission.createdAt.toISOString(),
    code: compiled.code,
    bans: exercise.manifest.bans,
    allow: exercise.manifest.allow,
  };
  return Response.json(body, { headers: { "cache-control": "no-store" } });
});
