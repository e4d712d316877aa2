// Scores a browser run of the public tests: the worker's realm result (values as Wire JSON) is
// compared with the public expected values by exercise-kit's scorePublic, the grader's comparison
// code. Nothing is stored; hidden tests are never involved. Names and messages come in the
// viewer's language.
import { translateRealmText } from "@course/exercise-kit/messages";
import { z } from "zod";
import { ApiError, route } from "../../../../../../lib/api.ts";
import { getDb } from "../../../../../../lib/db.ts";
import { viewerVersion } from "../../../../../../lib/exercise/access.ts";
import { feedbackLocalizer, loadExercise, scorePublicRun } from "../../../../../../lib/exercise/exercise-source.ts";
import { localizeTest } from "../../../../../../lib/exercise/feedback-view.ts";
import { IdParamSchema, MAX_SCORE_BODY_BYTES, PublicScoreBodySchema, type PublicScoreResult } from "../../../../../../lib/exercise/schemas.ts";
import type { Locale } from "../../../../../../lib/i18n/locale.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";

const Params = z.object({ id: IdParamSchema });

export const POST = route({ params: Params, body: PublicScoreBodySchema, auth: true, maxBody: MAX_SCORE_BODY_BYTES }, async ({ params, body, user }) => {
  const pinned = await viewerVersion(getDb(), params.id, user.id);
  if (pinned === undefined) throw new ApiError(404, "not_found", "No such exercise.");
  const exercise = await loadExercise(params.id, pinned);
  if (!exercise) throw new ApiError(404, "not_found", "No such exercise.");
  if (exercise.publicFixtures === null) throw new ApiError(503, "not_ready", "This exercise's public tests are still being prepared; try again in a moment.");
  let report;
  try {
    report = await scorePublicRun(exercise.publicFixtures, body);
  } catch (e) {
    throw new ApiError(400, "invalid_result", `The test run's result could not be read: ${(e as Error).message.slice(0, 300)}`);
  }
  const loc = await feedbackLocalizer(params.id, await getLocale());
  const loadError = body.realm.load.ok ? null : describeLoadError(body.realm.load.error, loc.locale);
  const out: PublicScoreResult = {
    status: report.status,
    tests: report.tests.map((t) => localizeTest({ name: t.name, passed: t.passed, points: t.points, maxPoints: t.maxPoints, message: t.message ?? null }, t.feedback, loc)),
    loadError,
    durationMs: body.durationMs,
  };
  return out;
});

/** The exception as thrown; a message our realm code wrote (a banned call at load time) in the viewer's language. */
function describeLoadError(e: unknown, locale: Locale): string {
  const parsed = z.object({ name: z.string().max(200), message: z.string().max(2000) }).safeParse(e);
  if (!parsed.success) return "Error";
  return `${parsed.data.name}: ${locale === "en" ? parsed.data.message : translateRealmText(parsed.data.message)}`;
}
