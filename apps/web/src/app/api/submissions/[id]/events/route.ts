// The live grading state of one submission as server-sent events (text/event-stream): the current
// view first, then each status change as the grader makes it, until graded or failed. Only for
// the student who made it and the course's staff; anyone else gets the JSON 404 of the API.
import { z } from "zod";
import { DomainError, canViewSubmission } from "@course/db";
import { ApiError, route } from "../../../../../lib/api.ts";
import { getDb } from "../../../../../lib/db.ts";
import { IdParamSchema } from "../../../../../lib/exercise/schemas.ts";
import { liveSubmissionResponse } from "../../../../../lib/live/submission-response.ts";

export const dynamic = "force-dynamic";

const Params = z.object({ id: IdParamSchema });

export const GET = route({ params: Params, auth: true }, async ({ req, params, user }) => {
  // Refusals come before the stream starts, so they are plain JSON error responses.
  if (!(await canViewSubmission(getDb(), params.id, user.id))) throw new DomainError("not_found", "No such submission.");
  const stream = await liveSubmissionResponse({ req, submissionId: params.id, userId: user.id });
  if (!stream) throw new ApiError(429, "too_many_streams", "Too many live result streams are open for this account; the page will check for results instead.");
  return stream;
});
