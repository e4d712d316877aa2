// GET: a regrade run's progress (instructors and TAs), polled by the progress bar.
import { z } from "zod";
import { findRegradeRun, regradeProgress } from "@course/db";
import { ApiError, route } from "../../../../../../lib/api.ts";
import { staffApi } from "../../../../../../lib/courses/assess-access.ts";
import { getDb } from "../../../../../../lib/db.ts";

const Params = z.object({ slug: z.string().min(1).max(100), runId: z.string().min(1).max(100) });

export const GET = route({ params: Params, auth: true }, async ({ params, user }) => {
  const { course } = await staffApi(params.slug, user.id, "read");
  const db = getDb();
  const run = await findRegradeRun(db, course.id, params.runId);
  const progress = run ? await regradeProgress(db, run.id) : null;
  if (!progress) throw new ApiError(404, "not_found", "No such regrade.");
  return { ...progress, createdAt: progress.createdAt.toISOString(), finishedAt: progress.finishedAt?.toISOString() ?? null };
});
