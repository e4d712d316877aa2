// POST: regrade an assignment's graded submissions (all, or one student's) against a version
// (instructors and TAs). Body: RegradeRequestSchema. Answers the run; its jobs are graded in the
// background by the grader, progress at GET /api/courses/[slug]/regrades/[runId].
import { NextResponse } from "next/server";
import { z } from "zod";
import { RegradeRequestSchema, startRegrade } from "@course/db";
import { route } from "../../../../../../../lib/api.ts";
import { staffApi } from "../../../../../../../lib/courses/assess-access.ts";
import { inLocale } from "../../../../../../../lib/courses/assess-errors.ts";
import { getLocale } from "../../../../../../../lib/i18n/server.ts";
import { getDb } from "../../../../../../../lib/db.ts";
import { wakeGrader } from "../../../../../../../lib/exercise/grader-wake.ts";

const Params = z.object({ slug: z.string().min(1).max(100), assignmentId: z.string().min(1).max(100) });

export const POST = route({ params: Params, auth: true }, async ({ params, user, input }) => {
  const { course } = await staffApi(params.slug, user.id, "regrade");
  const run = await inLocale(await getLocale(), async () => {
    const body = RegradeRequestSchema.parse(input);
    return startRegrade(getDb(), { courseId: course.id, assignmentId: params.assignmentId, actorId: user.id, exerciseVersionId: body.exerciseVersionId, userId: body.userId });
  });
  wakeGrader();
  return NextResponse.json({ id: run.id, total: run.total }, { status: 201, headers: { "cache-control": "no-store" } });
});
