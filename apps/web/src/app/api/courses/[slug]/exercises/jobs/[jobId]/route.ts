// GET: an authoring job's status, progress lines and result (instructors of its course only).
import { z } from "zod";
import { findAuthoringJob } from "@course/db";
import { ApiError, route } from "../../../../../../../lib/api.ts";
import { requireInstructor } from "../../../../../../../lib/authoring/access.ts";
import { jobView } from "../../../../../../../lib/authoring/jobs.ts";
import { getDb } from "../../../../../../../lib/db.ts";
import { IdParamSchema } from "../../../../../../../lib/exercise/schemas.ts";

const Params = z.object({ slug: IdParamSchema, jobId: IdParamSchema });

export const GET = route({ params: Params, auth: true }, async ({ params, user }) => {
  const db = getDb();
  const course = await requireInstructor(db, params.slug, user.id);
  const job = await findAuthoringJob(db, course.id, params.jobId);
  if (!job) throw new ApiError(404, "not_found", "No such job.");
  return jobView(job);
});
