// One submission's grading state, score and per-test feedback (in the viewer's language): only for
// the student who made it.
import { z } from "zod";
import { getOwnSubmission } from "@course/db";
import { route } from "../../../../lib/api.ts";
import { getDb } from "../../../../lib/db.ts";
import { feedbackLocalizer } from "../../../../lib/exercise/exercise-source.ts";
import { IdParamSchema } from "../../../../lib/exercise/schemas.ts";
import { toSubmissionView } from "../../../../lib/exercise/submission-view.ts";
import { getLocale } from "../../../../lib/i18n/server.ts";

const Params = z.object({ id: IdParamSchema });

export const GET = route({ params: Params, auth: true }, async ({ params, user }) => {
  const db = getDb();
  const submission = await getOwnSubmission(db, params.id, user.id);
  const assignment = await db.assignment.findUniqueOrThrow({
    where: { id: submission.assignmentId },
    select: { points: true, latePenalty: true, exercise: { select: { slug: true } } },
  });
  const graded = submission.gradingJob?.status === "graded";
  const loc = graded ? await feedbackLocalizer(assignment.exercise.slug, await getLocale()) : undefined;
  return toSubmissionView(submission, assignment, loc);
});
