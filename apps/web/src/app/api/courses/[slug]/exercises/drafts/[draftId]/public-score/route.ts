// POST: scores the preview's in-browser run of a draft's public tests against the expected values
// its latest check computed in the author sandbox for the saved content (instructors only).
import { z } from "zod";
import { findExerciseDraft, latestAuthoringJob } from "@course/db";
import { ApiError, route } from "../../../../../../../../lib/api.ts";
import { requireInstructor } from "../../../../../../../../lib/authoring/access.ts";
import { bundleHash, storedBundle } from "../../../../../../../../lib/authoring/drafts.ts";
import { jobView } from "../../../../../../../../lib/authoring/jobs.ts";
import { getDb } from "../../../../../../../../lib/db.ts";
import {
  parsePublicFixtures,
  scorePublicRun,
} from "../../../../../../../../lib/exercise/exercise-source.ts";
import {
  IdParamSchema,
  MAX_SCORE_BODY_BYTES,
  PublicScoreBodySchema,
  type PublicScoreResult,
} from "../../../../../../../../lib/exercise/schemas.ts";

const Params = z.object({ slug: IdParamSchema, draftId: IdParamSchema });

export const POST = route(
  { params: Params, body: PublicScoreBodySchema, auth: true, maxBody: MAX_SCORE_BODY_BYTES },
  async ({ params, body, user }) => {
    const db = getDb();
    const course = await requireInstructor(db, params.slug, user.id);
    const draft = await findExerciseDraft(db, course.id, params.draftId);
    if (!draft) throw new ApiError(404, "not_found", "No such draft.");
    const check = await latestAuthoringJob(db, draft.id, "check");
    const view = check ? jobView(check) : null;
    const raw =
      view?.status === "done" && view.bundleHash === bundleHash(storedBundle(draft.bundle))
        ? (view.result as { publicFixtures?: unknown } | null)?.publicFixtures
        : undefined;
    if (raw == null)
      throw new ApiError(
        409,
        "check_required",
        "Run Check on the saved draft first: its public tests come from the check.",
      );
    let report;
    try {
      report = await scorePublicRun(await parsePublicFixtures(raw), body);
    } catch (e) {
      throw new ApiError(
        400,
        "invalid_result",
        `The test run's result could not be read: ${(e as Error).message.slice(0, 300)}`,
      );
    }
    const out: PublicScoreResult = {
      status: report.status,
      tests: report.tests.map((t) => ({
        name: t.name,
        passed: t.passed,
        points: t.points,
        maxPoints: t.maxPoints,
        message: t.message ?? null,
      })),
      loadError: body.realm.load.ok ? null : loadErrorText(body.realm.load.error),
      durationMs: body.durationMs,
    };
    return out;
  },
);

/** The exception the draft's code threw while loading, as "Name: message". */
function loadErrorText(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown } | null;
  return `${typeof e?.name === "string" ? e.name : "Error"}: ${typeof e?.message === "string" ? e.message.slice(0, 2000) : "the module did not load"}`;
}
