// One submission's grading state, score and per-test feedback: only for the student who made it.
import { z } from "zod";
import { getOwnSubmission } from "@course/db";
import { route } from "../../../../lib/api.ts";
import { getDb } from "../../../../lib/db.ts";
import { IdParamSchema } from "../../../../lib/exercise/schemas.ts";
import { toSubmissionView } from "../../../../lib/exercise/submission-view.ts";

const Params = z.object({ id: IdParamSchema });

export const GET = route({ params: Params, auth: true }, async ({ params, user }) => {
  const db = getDb();
  const submission = await getOwnSubmission(db, params.id, user.id);
  const assignment = await db.assignment.findUniqueOrThrow({
    where: { id: submission.assignmentId },
    select: { points: true, latePenalty: true },
  });
  return toSubmissionView(submission, assignment);
});
